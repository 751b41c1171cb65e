package com.getpaidx.orgs.shared;

import org.springframework.http.HttpStatus;

/**
 * A broken business rule. Its {@code code} is the machine-readable problem code the API returns,
 * its message the human sentence both the API and the pages show.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    protected DomainException(String code, HttpStatus status, String detail) {
        // a refusal is an answer, not a fault: no stack trace to fill (refused usage is a hot path too)
        super(detail, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** A refusal caused by a fault elsewhere (a provider outage): the cause and its trace are kept. */
    protected DomainException(String code, HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
