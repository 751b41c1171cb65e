/**
 * The organization's AI-credit wallet: an append-only ledger whose cached balance never goes below
 * zero, and top-ups bought through the payment provider and granted exactly once.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "audit", "membership", "organization", "billing" })
package com.getpaidx.orgs.wallet;
