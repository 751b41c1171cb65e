package com.getpaidx.orgs.seat.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.seat.EntitlementChanged;
import com.getpaidx.orgs.seat.SeatChange;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * Publishes {@link EntitlementChanged} exactly when a user's Pro flips. Each user's entitlement row is
 * locked (in user-id order, so two transactions never wait on each other in a circle) before their seats
 * are counted: a concurrent change in another org has committed by then, and is counted too.
 */
@Component
class EntitlementTracker {

    private static final Logger log = LoggerFactory.getLogger(EntitlementTracker.class);

    private final JdbcEntitlementRepository entitlements;
    private final JdbcSeatRepository seats;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EntitlementTracker(JdbcEntitlementRepository entitlements, JdbcSeatRepository seats,
            ApplicationEventPublisher events, Clock clock) {
        this.entitlements = entitlements;
        this.seats = seats;
        this.events = events;
        this.clock = clock;
    }

    /** Call after changing these users' assignments in {@code org}, in the same transaction; each with its change. */
    @Transactional(propagation = Propagation.MANDATORY)
    void refresh(OrgId org, Map<UserId, SeatChange> changes) {
        changes.keySet().stream().sorted(Comparator.comparing(UserId::value)).forEach(user -> {
            boolean before = entitlements.lockPro(user, clock.instant());
            boolean after = !seats.orgsWithActiveSeat(user).isEmpty();
            if (before != after) {
                entitlements.setPro(user, after, clock.instant());
                events.publishEvent(new EntitlementChanged(user, org, after, changes.get(user)));
                log.info("User {} {} Pro", user, after ? "gained" : "lost");
            }
        });
    }
}
