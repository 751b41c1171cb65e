package com.getpaidx.orgs.wallet;

import java.time.Instant;
import java.util.UUID;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.Money;
import com.getpaidx.orgs.shared.OrgId;

/** A purchase of credits; {@code checkoutUrl} is null until the provider has made the checkout. */
public record TopUp(UUID id, OrgId orgId, String packageId, Credits credits, Money price, TopUpStatus status,
        String checkoutSessionId, String checkoutUrl, long refundedMinor, Instant createdAt, Instant paidAt) {
}
