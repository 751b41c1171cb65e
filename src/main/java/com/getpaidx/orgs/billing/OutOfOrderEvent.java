package com.getpaidx.orgs.billing;

/**
 * Thrown by a listener of a billing event that depends on another event not yet processed here (Stripe
 * sends events in no set order: a refund may come before the payment it refunds). The inbox rolls the
 * processing back, keeps the event, and processes it again as soon as an event mentioning {@code awaited}
 * has been processed, or at its next retry, whichever comes first.
 *
 * @param awaited an id the missing event mentions (a session, payment intent or client reference id)
 */
public final class OutOfOrderEvent extends RuntimeException {

    private final String awaited;

    public OutOfOrderEvent(String awaited, String why) {
        super(why);
        this.awaited = awaited;
    }

    public String awaited() {
        return awaited;
    }
}
