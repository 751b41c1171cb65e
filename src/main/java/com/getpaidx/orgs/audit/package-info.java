/**
 * The append-only audit log every module writes to inside its own transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.getpaidx.orgs.audit;
