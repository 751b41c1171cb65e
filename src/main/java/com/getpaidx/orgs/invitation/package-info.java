/**
 * Invitations by email: invite, resend, revoke, preview and accept, with single-use tokens of which
 * only a hash is stored.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "account", "membership", "organization", "mail", "audit" })
package com.getpaidx.orgs.invitation;
