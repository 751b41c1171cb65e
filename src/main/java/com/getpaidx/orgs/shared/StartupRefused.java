package com.getpaidx.orgs.shared;

/**
 * The service will not start with this configuration (a sandbox facing a network, production without a
 * base URL, …). {@link StartupRefusedFailureAnalyzer} prints the reason and the fix in one screen instead
 * of a stack trace.
 */
public class StartupRefused extends RuntimeException {

    private final String action;

    public StartupRefused(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
