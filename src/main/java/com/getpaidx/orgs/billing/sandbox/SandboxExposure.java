package com.getpaidx.orgs.billing.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;

import com.getpaidx.orgs.shared.StartupRefused;

/**
 * Whether the payment sandbox may run where this service listens. Its test API pays checkouts and
 * grants subscriptions without authentication, so it must never face a network by accident: it runs on
 * a loopback bind address ({@code server.address}, 127.0.0.1 by default); on any other address (unset
 * means every interface) only when {@code getpaidx.payments.sandbox=true} says so; in production never.
 */
enum SandboxExposure {

    /** Bound to loopback: only this machine can reach the sandbox. */
    LOOPBACK,
    /** Bound to a network by explicit choice ({@code getpaidx.payments.sandbox=true}). */
    NETWORK;

    static final String OPT_IN = "getpaidx.payments.sandbox";

    /** The exposure of the sandbox, or {@link StartupRefused} when it may not run at all. */
    static SandboxExposure judge(Environment environment) {
        String fix = "Set STRIPE_SECRET_KEY (getpaidx.stripe.secret-key) so that Stripe takes the payments";
        if ("production".equalsIgnoreCase(environment.getProperty("getpaidx.environment", "local"))) {
            throw new StartupRefused("The payment sandbox is refused in production (getpaidx.environment=production):"
                    + " its checkouts move no money and its test API pays them without authentication", fix + ".");
        }
        Boolean optIn = environment.getProperty(OPT_IN, Boolean.class);
        String address = environment.getProperty("server.address", "");
        if (Boolean.FALSE.equals(optIn)) {
            throw new StartupRefused("No payment provider: the payment sandbox is turned off (" + OPT_IN + "=false)"
                    + " and no Stripe key is set", fix + ", or remove " + OPT_IN + "=false.");
        }
        if (loopback(address)) {
            return LOOPBACK;
        }
        if (Boolean.TRUE.equals(optIn)) {
            return NETWORK;
        }
        throw new StartupRefused("The payment sandbox would face the network: this service binds to "
                + (address.isBlank() ? "every interface (server.address unset)" : address)
                + ", and the sandbox's test API pays checkouts without authentication",
                fix + "; or bind to 127.0.0.1 (GETPAIDX_BIND_ADDRESS=127.0.0.1); or, for a shared test setup only, set "
                        + OPT_IN + "=true (GETPAIDX_PAYMENTS_SANDBOX=true).");
    }

    private static boolean loopback(String address) {
        if (address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        }
        catch (UnknownHostException e) {
            return false;
        }
    }
}
