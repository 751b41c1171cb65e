package com.getpaidx.orgs.seat;

import com.getpaidx.orgs.shared.UserId;

/**
 * A user gained or lost Pro. Published once per change, inside the transaction that made it (listeners that
 * tell the main app should be {@code @ApplicationModuleListener}s, which run after the commit).
 */
public record EntitlementChanged(UserId userId, boolean pro) {
}
