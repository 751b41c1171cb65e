package com.getpaidx.orgs.billing;

import com.getpaidx.orgs.shared.OrgId;

/** @param idempotencyKey the same key returns the same customer on a retry */
public record NewCustomer(OrgId orgId, String name, String idempotencyKey) {
}
