package com.getpaidx.orgs.billing;

/**
 * Where every provider event enters: stored once by its id, then processed. A duplicate changes
 * nothing. Processing publishes the billing events in one transaction; a failure is retried later.
 */
public interface PaymentInbox {

    /** @return false when this event id was seen before (nothing is done again) */
    boolean receive(ProviderEvent event);
}
