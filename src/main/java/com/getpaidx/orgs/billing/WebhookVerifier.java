package com.getpaidx.orgs.billing;

/** Checks a webhook's signature and reads it. */
public interface WebhookVerifier {

    /** @throws InvalidWebhook when the signature is missing, wrong or older than the tolerance */
    ProviderEvent verify(String payload, String signatureHeader);
}
