package com.getpaidx.orgs.seat;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.seat.internal.JdbcSeatRepository;
import com.getpaidx.orgs.shared.UserId;

/** "Does this user have Pro?": yes while any org gives them an active seat. */
@Service
public class Entitlements {

    private final JdbcSeatRepository seats;

    Entitlements(JdbcSeatRepository seats) {
        this.seats = seats;
    }

    /** For the user themselves or the service token; a user nobody knows simply has no Pro. */
    @Transactional(readOnly = true)
    public Entitlement of(UserId user) {
        var sources = seats.orgsWithActiveSeat(user);
        return new Entitlement(user, !sources.isEmpty(), sources);
    }
}
