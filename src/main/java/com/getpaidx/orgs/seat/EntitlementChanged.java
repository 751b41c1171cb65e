package com.getpaidx.orgs.seat;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * A user gained or lost Pro. Published once per change, inside the transaction that made it (listeners that
 * tell the main app should be {@code @ApplicationModuleListener}s, which run after the commit, or write an
 * outbox row in this transaction).
 *
 * @param orgId the org whose seat change flipped it
 * @param reason that seat change
 */
public record EntitlementChanged(UserId userId, OrgId orgId, boolean pro, SeatChange reason) {
}
