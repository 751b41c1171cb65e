package com.getpaidx.orgs.billing;

/** A checkout expired unpaid. Published inside the inbox's processing transaction. */
public record CheckoutExpired(String eventId, CheckoutState session) {
}
