package com.getpaidx.orgs.billing;

import java.util.Map;

/**
 * Money of a payment went back to the payer; {@code amountRefundedMinor} is the cumulative total, and
 * {@code metadata} the charge's (empty when it has none). Published inside the inbox's processing transaction;
 * a listener that cannot apply it yet throws {@link OutOfOrderEvent}.
 */
public record ChargeRefunded(String eventId, String chargeId, String paymentIntentId, long amountMinor,
        long amountRefundedMinor, String currency, Map<String, String> metadata) {
}
