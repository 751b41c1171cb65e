package com.getpaidx.orgs.account;

import java.time.Instant;
import java.util.Set;

import com.getpaidx.orgs.shared.ApiScope;

/** A freshly issued API token: the only moment its secret is known to anyone but its holder. */
public record IssuedToken(String token, Instant expiresAt, Set<ApiScope> scopes) {

    /** Never in a log line or an exception message. */
    @Override
    public String toString() {
        return "IssuedToken[token=(hidden), expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
