package com.getpaidx.orgs.account;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.ApiScope;
import com.getpaidx.orgs.shared.DomainException;

/** The caller's token lacks the scope the operation needs (whatever the caller's role). */
public final class InsufficientScope extends DomainException {

    public InsufficientScope(ApiScope needed) {
        super("insufficient_scope", HttpStatus.FORBIDDEN, "This token lacks the scope " + needed.json() + ".");
    }

    public InsufficientScope() {
        super("insufficient_scope", HttpStatus.FORBIDDEN, "No scope of this token allows this operation.");
    }
}
