/**
 * Organizations: the billing group itself, its name, slug and archive state.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "account", "audit" })
package com.getpaidx.orgs.organization;
