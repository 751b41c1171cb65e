package com.getpaidx.orgs.seat.internal;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.MemberSeats;
import com.getpaidx.orgs.seat.AssignmentStatus;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** The seat column of the member list: an ended assignment (the member left and came back) shows as none. */
@Component
class SeatLabels implements MemberSeats {

    private final JdbcSeatRepository seats;

    SeatLabels(JdbcSeatRepository seats) {
        this.seats = seats;
    }

    @Override
    public Map<UserId, String> seatsOf(OrgId orgId, Collection<UserId> userIds) {
        return seats.statuses(orgId, userIds).entrySet().stream()
                .filter(entry -> entry.getValue() != AssignmentStatus.ENDED)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().json()));
    }
}
