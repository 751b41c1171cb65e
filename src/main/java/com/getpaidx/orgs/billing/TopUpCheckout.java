package com.getpaidx.orgs.billing;

import java.util.UUID;

import com.getpaidx.orgs.shared.OrgId;

/**
 * A payment-mode checkout for one top-up: {@code client_reference_id} is the top-up id, and both ids
 * travel in the metadata so the webhook finds its way back.
 */
public record TopUpCheckout(String customerId, OrgId orgId, UUID topUpId, String productName, long amountMinor,
        String currency, String successUrl, String cancelUrl, String idempotencyKey) {
}
