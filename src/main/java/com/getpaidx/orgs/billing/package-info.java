/**
 * Payments: the {@link com.getpaidx.orgs.billing.PaymentProvider} port with a Stripe and a sandbox
 * adapter, the webhook endpoint, and the inbox through which every provider event passes exactly once
 * before it is published as a billing event. Knows no wallet and no seat.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package com.getpaidx.orgs.billing;
