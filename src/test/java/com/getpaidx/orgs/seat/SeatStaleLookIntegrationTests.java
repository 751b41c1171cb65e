package com.getpaidx.orgs.seat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looks at the provider's subscriptions applied out of order: a look taken earlier (a lower observation) that
 * arrives after a later one saying the subscription ended. A canceled subscription never pays for seats again,
 * whether it was a second one beside the org's, the org's own replaced by a new one, or the org's own replaced by
 * its duplicate. Without the ended look kept (SeatBook.retire and the ended duplicate) each stale "active" look
 * counts its seats again, and in the second case becomes the org's subscription.
 */
@IntegrationTest
class SeatStaleLookIntegrationTests {

    @Autowired Api api;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired SeatManagement seats;
    @Autowired JdbcClient jdbc;

    private SubscriptionLooks looks;

    @BeforeEach
    void looks() {
        looks = new SubscriptionLooks(api, events, transactions, jdbc);
    }

    @Test
    void aStaleLiveLookAtASecondSubscriptionSeenCanceledBesideALiveOneCountsNothing() {
        SubscriptionLooks.Org org = looks.newOrg();
        looks.look(org, 1, "sub_a", "active", 2);
        looks.look(org, 3, "sub_b", "canceled", 5);
        looks.look(org, 2, "sub_b", "active", 5);

        Seats now = seats.seats(org.id(), org.ownerId());
        assertThat(now.paid()).isEqualTo(2);
        assertThat(now.subscription().id()).isEqualTo(org.subscription("sub_a"));
        assertThat(now.duplicates()).isEmpty();
    }

    @Test
    void aStaleLiveLookAtASecondSubscriptionSeenCanceledBesideAnEndedOneNeitherReplacesNorCounts() {
        SubscriptionLooks.Org org = looks.newOrg();
        looks.look(org, 1, "sub_a", "active", 2);
        looks.look(org, 2, "sub_a", "canceled", 2);
        looks.look(org, 4, "sub_b", "canceled", 5);
        looks.look(org, 3, "sub_b", "active", 5);

        Seats now = seats.seats(org.id(), org.ownerId());
        assertThat(now.paid()).isZero();
        assertThat(now.subscription().id()).isEqualTo(org.subscription("sub_a"));
        assertThat(now.live()).isFalse();
    }

    @Test
    void aStaleLiveLookAtTheOrgsEndedSubscriptionReplacedByANewOneCountsNothing() {
        SubscriptionLooks.Org org = looks.newOrg();
        looks.look(org, 1, "sub_a", "active", 2);
        looks.look(org, 3, "sub_a", "canceled", 2);
        looks.look(org, 4, "sub_b", "active", 5);
        looks.look(org, 2, "sub_a", "active", 2);

        Seats now = seats.seats(org.id(), org.ownerId());
        assertThat(now.paid()).isEqualTo(5);
        assertThat(now.subscription().id()).isEqualTo(org.subscription("sub_b"));
        assertThat(now.duplicates()).isEmpty();
    }

    @Test
    void aStaleLiveLookAtTheOrgsEndedSubscriptionReplacedByItsDuplicateCountsNothing() {
        SubscriptionLooks.Org org = looks.newOrg();
        looks.look(org, 1, "sub_a", "active", 2);
        looks.look(org, 2, "sub_b", "active", 3);
        looks.look(org, 4, "sub_a", "canceled", 2);
        assertThat(seats.seats(org.id(), org.ownerId()).subscription().id()).as("promoted").isEqualTo(org.subscription("sub_b"));

        looks.look(org, 3, "sub_a", "active", 2);

        Seats now = seats.seats(org.id(), org.ownerId());
        assertThat(now.paid()).isEqualTo(3);
        assertThat(now.duplicates()).isEmpty();
    }

    @Test
    void aNewerLookAtALiveDuplicateStillCounts() {
        SubscriptionLooks.Org org = looks.newOrg();
        looks.look(org, 1, "sub_a", "active", 2);
        looks.look(org, 2, "sub_b", "active", 3);
        looks.look(org, 3, "sub_b", "active", 4);

        Seats now = seats.seats(org.id(), org.ownerId());
        assertThat(now.paid()).isEqualTo(6);
        assertThat(now.duplicates()).extracting(SeatSubscription::id).isEqualTo(List.of(org.subscription("sub_b")));
    }
}
