/**
 * Who belongs to an organization and in which role; the one {@link com.getpaidx.orgs.membership.Authorizer}
 * every module asks before acting; and the organization as a member sees it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "account", "organization", "audit" })
package com.getpaidx.orgs.membership;
