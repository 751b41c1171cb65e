package com.getpaidx.orgs.billing;

/** A checkout's money arrived. Published inside the inbox's processing transaction. */
public record CheckoutPaid(String eventId, CheckoutState session) {
}
