package com.getpaidx.orgs.shared;

/**
 * The signed-in person making a request. Controllers take it as a parameter; the account module
 * resolves it from a bearer token or the page session.
 */
public record CurrentUser(UserId id, String email, String displayName) implements java.io.Serializable {
}
