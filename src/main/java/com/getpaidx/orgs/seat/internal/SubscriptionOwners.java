package com.getpaidx.orgs.seat.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.OrgId;

/** Which org a subscription the provider reports belongs to, if any here. */
@Component
class SubscriptionOwners {

    private final JdbcSeatRepository seats;
    private final JdbcDuplicateSubscriptionRepository duplicates;
    private final OrganizationManagement organizations;

    SubscriptionOwners(JdbcSeatRepository seats, JdbcDuplicateSubscriptionRepository duplicates,
            OrganizationManagement organizations) {
        this.seats = seats;
        this.duplicates = duplicates;
        this.organizations = organizations;
    }

    /**
     * The org a subscription belongs to: the one already holding it, else the one its metadata names (the
     * checkout put it there). A subscription without our metadata is somebody else's business.
     */
    Optional<OrgId> ownerOf(SubscriptionState state) {
        Optional<OrgId> known = seats.orgOfSubscription(state.id())
                .or(() -> duplicates.find(state.id()).map(JdbcSeatRepository.SubscriptionRow::orgId));
        if (known.isPresent()) {
            return known;
        }
        String org = state.metadata().get("org_id");
        if (!SeatCheckout.KIND.equals(state.metadata().get("kind")) || org == null) {
            return Optional.empty();
        }
        try {
            OrgId id = new OrgId(UUID.fromString(org));
            return organizations.find(id).map(found -> id);
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
