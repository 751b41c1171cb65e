package com.getpaidx.orgs.billing;

/**
 * Where every provider event enters: stored once by its id, then processed. A duplicate changes
 * nothing. Processing publishes the billing events in one transaction; a failure is retried later.
 */
public interface PaymentInbox {

    /**
     * @param provider {@code stripe} or {@code sandbox}, where the event came from
     * @return false when this event id was seen before (nothing is done again)
     */
    boolean receive(String provider, ProviderEvent event);
}
