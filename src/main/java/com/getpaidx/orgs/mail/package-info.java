/**
 * Outgoing mail: an outbox table written in the caller's transaction, and a background sender
 * that delivers it with retries, so a down SMTP server delays mail but never loses it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package com.getpaidx.orgs.mail;
