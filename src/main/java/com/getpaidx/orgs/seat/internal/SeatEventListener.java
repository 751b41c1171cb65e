package com.getpaidx.orgs.seat.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.billing.SubscriptionChanged;
import com.getpaidx.orgs.membership.MemberRemoved;
import com.getpaidx.orgs.organization.OrganizationUnarchived;
import com.getpaidx.orgs.seat.SeatChange;

/**
 * Seats follow the provider's subscription and the roster inside the transactions that change them: the
 * inbox's processing transaction (so a failure is retried from the inbox), the member's removal and the org's
 * unarchiving.
 */
@Component
class SeatEventListener {

    private final SeatBook book;

    SeatEventListener(SeatBook book) {
        this.book = book;
    }

    @EventListener
    void on(SubscriptionChanged change) {
        book.apply(change, null);
    }

    @EventListener
    void on(MemberRemoved removed) {
        book.end(removed.orgId(), removed.userId(), removed.actor(), removed.left() ? SeatChange.MEMBER_LEFT : SeatChange.MEMBER_REMOVED);
    }

    @EventListener
    void on(OrganizationUnarchived unarchived) {
        book.resume(unarchived.orgId(), unarchived.actor());
    }
}
