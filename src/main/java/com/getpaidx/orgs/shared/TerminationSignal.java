package com.getpaidx.orgs.shared;

import sun.misc.Signal;

/**
 * SIGTERM is how a supervisor (systemd, Kubernetes, docker stop) asks the service to stop. The JVM's own
 * handler runs the shutdown hooks (Spring's closes the context: the graceful drain) and then exits with
 * 143, which supervisors report as a failure; this one runs the same hooks through {@code System.exit(0)}.
 */
public final class TerminationSignal {

    private TerminationSignal() {
    }

    public static void exitCleanlyOnSigterm() {
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        }
        catch (IllegalArgumentException unsupported) {
            // no SIGTERM on this platform (Windows): the JVM's default stands
        }
    }
}
