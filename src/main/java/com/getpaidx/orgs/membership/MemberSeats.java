package com.getpaidx.orgs.membership;

import java.util.Collection;
import java.util.Map;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * Lets the seat module, which depends on this one, label each member's seat in the member list.
 * Without an implementation nobody holds a seat, and every member shows {@code none}.
 */
public interface MemberSeats {

    /** {@code active}, {@code suspended} or {@code revoked} per user that has an assignment; absent means none. */
    Map<UserId, String> seatsOf(OrgId orgId, Collection<UserId> userIds);
}
