package com.getpaidx.orgs.usage.internal;

import java.sql.SQLException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failed statement may still have committed: the connection broke (SQLSTATE class 08) or the
 * server went away (57P0x: shut down, crashed) while it ran, so its answer, not necessarily its commit, was lost. A
 * statement that never got a connection, or that the server refused or cancelled, committed nothing.
 */
final class ConnectionLost {

    private ConnectionLost() {
    }

    static boolean mayHaveCommitted(Throwable failure) {
        if (neverConnected(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** No connection could be had (the pool timed out, the server refused it): the statement never ran. */
    static boolean neverConnected(Throwable failure) {
        return failure instanceof CannotGetJdbcConnectionException;
    }
}
