/**
 * Org-billed workspace usage: the spend policy, workspaces and their "bill to" binding, and the
 * ingestion of metered usage that charges the organization's wallet without ever overdrawing it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "audit", "wallet", "membership", "organization", "mail" })
package com.getpaidx.orgs.usage;
