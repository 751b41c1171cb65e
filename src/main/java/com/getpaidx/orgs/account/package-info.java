/**
 * Local accounts, passwords, email verification, API and service tokens, and the security configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "mail" })
package com.getpaidx.orgs.account;
