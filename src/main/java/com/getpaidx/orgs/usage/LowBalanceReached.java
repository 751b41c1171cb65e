package com.getpaidx.orgs.usage;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/**
 * A charge took the org's balance below its alert threshold (once per crossing); published in the
 * transaction that sends the alert.
 */
public record LowBalanceReached(OrgId orgId, Credits threshold, Credits balance) {
}
