package com.getpaidx.orgs.seat.internal;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.organization.ArchiveVeto;
import com.getpaidx.orgs.seat.SubscriptionActive;
import com.getpaidx.orgs.shared.OrgId;

/**
 * An org is not archived while its seat subscription is active, trialing or past due: someone would go on
 * paying for seats nobody can use. The row is read under a shared lock, so a webhook cannot make the
 * subscription live again between this check and the archive's commit.
 */
@Component
class LiveSubscriptionVeto implements ArchiveVeto {

    private final JdbcSeatRepository seats;

    LiveSubscriptionVeto(JdbcSeatRepository seats) {
        this.seats = seats;
    }

    @Override
    public void checkArchivable(OrgId orgId) {
        if (seats.lockForShare(orgId).filter(row -> SeatRules.blocksArchive(row.status())).isPresent()) {
            throw new SubscriptionActive();
        }
    }
}
