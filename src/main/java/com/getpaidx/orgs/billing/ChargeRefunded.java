package com.getpaidx.orgs.billing;

/**
 * Money of a payment went back to the payer; {@code amountRefundedMinor} is the cumulative total.
 * Published inside the inbox's processing transaction.
 */
public record ChargeRefunded(String eventId, String chargeId, String paymentIntentId, long amountMinor,
        long amountRefundedMinor, String currency) {
}
