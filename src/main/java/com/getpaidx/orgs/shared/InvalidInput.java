package com.getpaidx.orgs.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Input that is well-formed JSON but breaks a rule of its field (a name too long, a slug with capitals).
 */
public final class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(String field, String message) {
        super("validation_failed", HttpStatus.BAD_REQUEST, field + ": " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
