package com.getpaidx.orgs.shared.database;

/** The embedded PostgreSQL could not start; {@link EmbeddedDatabaseFailureAnalyzer} explains it in one screen. */
class EmbeddedDatabaseUnavailable extends RuntimeException {

    private final String action;

    EmbeddedDatabaseUnavailable(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
