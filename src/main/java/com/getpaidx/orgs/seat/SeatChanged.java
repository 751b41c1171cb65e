package com.getpaidx.orgs.seat;

import org.jspecify.annotations.Nullable;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * A member's seat in an org changed; published inside the transaction that changed it.
 *
 * @param actor who changed it; null when the provider's subscription did (suspended, restored)
 */
public record SeatChanged(OrgId orgId, UserId userId, SeatChange change, @Nullable UserId actor) {
}
