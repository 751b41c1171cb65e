/**
 * Typed ids, errors, paging and web plumbing every module may use.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.getpaidx.orgs.shared;
