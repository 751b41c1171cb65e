package com.getpaidx.orgs.shared.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.InvalidInput.FieldError;

/**
 * The one place API errors become problem+json. Controllers throw; nothing catches on the way.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

    /** SQL states of text PostgreSQL refuses to store: an invalid byte sequence (NUL), an untranslatable character. */
    private static final java.util.Set<String> UNSTORABLE_TEXT = java.util.Set.of("22021", "22P05");

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return Problems.response(Problems.ofInput(e).orElseThrow());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        java.sql.SQLException database = cause(e, java.sql.SQLException.class);
        if (database != null && UNSTORABLE_TEXT.contains(database.getSQLState())) {
            // PostgreSQL text cannot hold NUL (0x00): the statement failed and its transaction rolled back
            return Problems.response(Problems.validation(List.of(new FieldError("request", "contains a NUL character"))));
        }
        log.error("Unexpected error", e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side. Nothing was changed."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        PayloadTooLarge tooLarge = cause(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return untyped(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", tooLarge.getMessage()));
        }
        InvalidInput invalid = cause(e, InvalidInput.class);
        if (invalid != null) {
            return untyped(Problems.validation(located(invalid, cause(e, JacksonException.class))));
        }
        return untyped(Problems.validation(List.of(readError(e))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return untyped(Problems.ofInput(e).orElseThrow());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return untyped(Problems.ofInput(e).orElseThrow());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return untyped(Problems.ofInput(e).orElseThrow());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return untyped(Problems.ofInput(e).orElseThrow());
    }

    /** Every problem Spring raises itself (405, 415, missing parameter, …) gets its code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", Problems.codeFor(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static FieldError readError(HttpMessageNotReadableException e) {
        UnrecognizedPropertyException unknown = cause(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return new FieldError(path(unknown), "is not a known field");
        }
        MismatchedInputException mismatch = cause(e, MismatchedInputException.class);
        if (mismatch != null) {
            return new FieldError(path(mismatch), "has the wrong type or format");
        }
        StreamReadException malformed = cause(e, StreamReadException.class);
        if (malformed != null) {
            return new FieldError("body", "is not valid JSON");
        }
        JacksonException other = cause(e, JacksonException.class);
        if (other != null) {
            return new FieldError(path(other), "could not be read");
        }
        return new FieldError("body", "is missing or unreadable");
    }

    /** A value type refusing its text (Credits) names itself; the body's field it sat in is the better name. */
    private static List<FieldError> located(InvalidInput invalid, JacksonException where) {
        String path = where == null ? "body" : path(where);
        return path.equals("body") ? invalid.errors()
                : invalid.errors().stream().map(error -> new FieldError(path, error.message())).toList();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<Object> untyped(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
