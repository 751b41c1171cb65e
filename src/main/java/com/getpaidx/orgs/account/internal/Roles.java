package com.getpaidx.orgs.account.internal;

/** The two kinds of caller; a token of one kind is never accepted where the other is required. */
final class Roles {

    static final String USER = "ROLE_USER";
    static final String SERVICE = "ROLE_SERVICE";

    private Roles() {
    }
}
