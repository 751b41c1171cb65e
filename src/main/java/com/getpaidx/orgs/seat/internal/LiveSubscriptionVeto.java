package com.getpaidx.orgs.seat.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.organization.ArchiveVeto;
import com.getpaidx.orgs.seat.SubscriptionActive;
import com.getpaidx.orgs.shared.OrgId;

/**
 * An org is not archived while its seat subscription, or a duplicate of it, is active, trialing or past due:
 * someone would go on paying for seats nobody can use. The row is read under a shared lock, and duplicates
 * change only under its exclusive lock, so a webhook cannot make a subscription live again between this check
 * and the archive's commit.
 */
@Component
class LiveSubscriptionVeto implements ArchiveVeto {

    private final JdbcSeatRepository seats;
    private final JdbcDuplicateSubscriptionRepository duplicates;

    LiveSubscriptionVeto(JdbcSeatRepository seats, JdbcDuplicateSubscriptionRepository duplicates) {
        this.seats = seats;
        this.duplicates = duplicates;
    }

    @Override
    public void checkArchivable(OrgId orgId) {
        Optional<JdbcSeatRepository.SubscriptionRow> row = seats.lockForShare(orgId);
        if (row.isPresent() && (SeatRules.blocksArchive(row.get().status())
                || duplicates.ofOrg(orgId).stream().anyMatch(duplicate -> SeatRules.blocksArchive(duplicate.status())))) {
            throw new SubscriptionActive();
        }
    }
}
