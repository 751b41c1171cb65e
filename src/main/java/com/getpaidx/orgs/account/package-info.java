/**
 * Local accounts, passwords, API and service tokens, and the security configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.getpaidx.orgs.account;
