package com.getpaidx.orgs.seat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntitlementChanged} is published once each time a user's Pro flips, and not when a change leaves
 * it as it was. The seat changes are made through the facade on the test's thread, where the events are
 * recorded.
 */
@IntegrationTest
@RecordApplicationEvents
class EntitlementEventsIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired SeatManagement seats;
    @Autowired ApplicationEvents events;

    @Test
    void proFlipsArePublishedOnceAndOnlyThen() {
        Api.User firstOwner = api.newUser("owner");
        UUID first = api.newOrg(firstOwner);
        Api.User secondOwner = api.newUser("owner");
        UUID second = api.newOrg(secondOwner);
        Api.User person = fixtures.newMember(first, firstOwner, Role.MEMBER);
        fixtures.addMember(second, secondOwner, person, Role.MEMBER);
        SeatPurchases purchases = new SeatPurchases(api);
        String firstSubscription = purchases.buy(first, firstOwner, 1);
        purchases.buy(second, secondOwner, 1);
        UserId user = new UserId(person.id());
        events.clear();

        seats.assign(new OrgId(first), new UserId(firstOwner.id()), user);
        OrgId one = new OrgId(first);
        OrgId two = new OrgId(second);
        assertThat(changesOf(user)).containsExactly(new EntitlementChanged(user, one, true, SeatChange.ASSIGNED));

        seats.assign(new OrgId(second), new UserId(secondOwner.id()), user);
        seats.assign(new OrgId(second), new UserId(secondOwner.id()), user);
        seats.revoke(new OrgId(first), new UserId(firstOwner.id()), user);
        assertThat(changesOf(user)).as("Pro all along, through the second org").hasSize(1);

        seats.revoke(new OrgId(second), new UserId(secondOwner.id()), user);
        assertThat(changesOf(user)).containsExactly(new EntitlementChanged(user, one, true, SeatChange.ASSIGNED),
                new EntitlementChanged(user, two, false, SeatChange.REVOKED));

        seats.assign(new OrgId(first), new UserId(firstOwner.id()), user);
        purchases.changeQuietly(firstSubscription, Map.of("quantity", 0));
        seats.sync(new OrgId(first), new UserId(firstOwner.id()));
        assertThat(changesOf(user)).containsExactly(new EntitlementChanged(user, one, true, SeatChange.ASSIGNED),
                new EntitlementChanged(user, two, false, SeatChange.REVOKED),
                new EntitlementChanged(user, one, true, SeatChange.ASSIGNED),
                new EntitlementChanged(user, one, false, SeatChange.SUSPENDED));
    }

    private java.util.List<EntitlementChanged> changesOf(UserId user) {
        return events.stream(EntitlementChanged.class).filter(event -> event.userId().equals(user)).toList();
    }
}
