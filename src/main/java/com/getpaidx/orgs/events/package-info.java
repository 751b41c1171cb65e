/**
 * Outgoing events to the GetPaidX app (Standard Webhooks): the other modules' domain events turned into signed JSON
 * posts to the endpoints the operator configured, through an outbox written in the changing transaction.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "membership", "organization", "seat", "usage", "wallet" })
package com.getpaidx.orgs.events;
