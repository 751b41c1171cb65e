package com.getpaidx.orgs.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.InvalidInput.FieldError;

/**
 * RFC 9457 problem details with the machine {@code code} every API error carries.
 */
public final class Problems {

    private static final String WRONG_FORMAT = "has the wrong format";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(DomainException e) {
        return of(e.status(), e.code(), e.getMessage());
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation_failed", "The request is not valid: "
                + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()) + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The problem for input Spring refused before a controller ran (a parameter missing or of the wrong type,
     * a form that does not bind), or for a broken rule; empty for anything else. Pages and the API share it, so
     * both give the same sentence.
     */
    public static Optional<ProblemDetail> ofInput(Exception e) {
        return switch (e) {
            case InvalidInput invalid -> Optional.of(validation(invalid.errors()));
            case DomainException domain -> Optional.of(of(domain));
            case MissingServletRequestParameterException missing ->
                    Optional.of(validation(List.of(new FieldError(missing.getParameterName(), "is required"))));
            case MethodArgumentTypeMismatchException mismatch ->
                    Optional.of(validation(List.of(new FieldError(mismatch.getName(), WRONG_FORMAT))));
            case TypeMismatchException mismatch ->
                    Optional.of(validation(List.of(new FieldError(mismatch.getPropertyName(), WRONG_FORMAT))));
            case BindException binding -> Optional.of(validation(fieldErrors(binding.getBindingResult())));
            case HandlerMethodValidationException invalid -> Optional.of(validation(invalid.getParameterValidationResults()
                    .stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
                    .toList()));
            default -> Optional.empty();
        };
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(),
                error.isBindingFailure() ? WRONG_FORMAT : error.getDefaultMessage())));
        result.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return errors;
    }

    /** A 503 says when to try again (RFC 9110 Retry-After): the service is busy, not broken. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        var response = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }

    /** The code for a status Spring itself raised (405, 415, …), so no error goes out without one. */
    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "validation_failed";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            default -> status.is5xxServerError() ? "internal_error" : "request_failed";
        };
    }
}
