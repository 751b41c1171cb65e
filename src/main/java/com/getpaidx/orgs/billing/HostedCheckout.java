package com.getpaidx.orgs.billing;

/** A checkout page the payer is sent to; for both adapters the URL's last path segment is the session id. */
public record HostedCheckout(String sessionId, String url) {
}
