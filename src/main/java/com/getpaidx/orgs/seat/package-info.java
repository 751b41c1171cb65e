/**
 * Pro seats: the org's seat subscription as the payment provider reports it, the assignment of its paid
 * seats to members (suspended and restored as capacity changes), and each user's Pro entitlement.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "audit", "membership", "organization", "billing" })
package com.getpaidx.orgs.seat;
