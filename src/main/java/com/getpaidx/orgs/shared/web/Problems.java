package com.getpaidx.orgs.shared.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.InvalidInput.FieldError;

/**
 * RFC 9457 problem details with the machine {@code code} every API error carries.
 */
public final class Problems {

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
