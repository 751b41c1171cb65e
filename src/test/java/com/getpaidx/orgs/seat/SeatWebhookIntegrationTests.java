package com.getpaidx.orgs.seat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.SubscriptionChanged;
import com.getpaidx.orgs.seat.SeatWebhooks.Team;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static com.getpaidx.orgs.seat.SeatWebhooks.completedCheckout;
import static com.getpaidx.orgs.seat.SeatWebhooks.subscriptionEvent;
import static com.getpaidx.orgs.support.SignedWebhooks.eventId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Genuinely signed Stripe webhooks about a seat subscription, delivered in order, reversed and duplicated,
 * end in the same state: each one makes the inbox ask the provider for the subscription's current state, so
 * an old event re-reads what is true now. The test context's provider is the sandbox, so the subscription
 * lives there and changes there (its own webhooks held back); the Stripe-signed events name it.
 */
@IntegrationTest
class SeatWebhookIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Environment environment;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PaymentProvider provider;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    private SeatPurchases purchases() {
        return new SeatPurchases(api);
    }

    private SeatWebhooks webhooks() {
        return new SeatWebhooks(api, fixtures, environment, clock);
    }

    private Team threeMembersOnThreeSeats() {
        return webhooks().threeMembersOnThreeSeats();
    }

    private Api.Response deliverSigned(String payload) {
        return webhooks().deliverSigned(payload);
    }

    private List<String> actions(Team team) {
        JsonNode items = api.get("/api/v1/orgs/" + team.org() + "/audit-events?limit=200", team.owner().token())
                .body().get("items");
        return StreamSupport.stream(items.spliterator(), false).map(event -> event.get("action").asString()).toList()
                .reversed();
    }

    private List<String> outcome(Team team) {
        return webhooks().outcome(team);
    }

    /**
     * While the webhooks were on their way the subscription went to one seat, then two, then past due (paid
     * during the grace period). Each event's own copy says what was true when it was sent; a late
     * {@code customer.subscription.created} still says three active seats.
     */
    private List<String> eventsOfAChangingSubscription(Team team) {
        List<String> sent = new ArrayList<>();
        sent.add(subscriptionEvent(eventId(), "customer.subscription.created", team, "active", 3));
        purchases().changeQuietly(team.subscriptionId(), Map.of("quantity", 1));
        sent.add(subscriptionEvent(eventId(), "customer.subscription.updated", team, "active", 1));
        purchases().changeQuietly(team.subscriptionId(), Map.of("quantity", 2));
        sent.add(subscriptionEvent(eventId(), "customer.subscription.updated", team, "active", 2));
        purchases().changeQuietly(team.subscriptionId(), Map.of("status", "past_due", "cancelAtPeriodEnd", true));
        sent.add(subscriptionEvent(eventId(), "customer.subscription.updated", team, "past_due", 2));
        return sent;
    }

    private static final List<String> FINAL = List.of("paid=2", "assigned=2", "suspended=1", "status=past_due",
            "quantity=2", "cancelAtPeriodEnd=true", "active", "active", "suspended");

    @ParameterizedTest(name = "delivered {0}")
    @ValueSource(strings = { "in order", "reversed", "duplicated and shuffled" })
    void signedSubscriptionEventsInAnyOrderEndInTheProvidersCurrentState(String order) {
        Team team = threeMembersOnThreeSeats();
        List<String> sent = eventsOfAChangingSubscription(team);
        List<String> delivery = switch (order) {
            case "in order" -> sent;
            case "reversed" -> sent.reversed();
            default -> List.of(sent.get(2), sent.get(0), sent.get(2), sent.get(3), sent.get(1), sent.get(0),
                    sent.get(3), sent.get(1));
        };

        List<Boolean> duplicates = new ArrayList<>();
        for (String payload : delivery) {
            Api.Response response = deliverSigned(payload);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            duplicates.add(response.body().get("duplicate").asBoolean());
            // from the first event on, the org holds the provider's latest state and never leaves it
            assertThat(outcome(team)).isEqualTo(FINAL);
        }

        assertThat(duplicates.stream().filter(duplicate -> duplicate)).hasSize(delivery.size() - sent.size());
        List<String> actions = actions(team);
        assertThat(actions.stream().filter("seat.suspended"::equals)).as("the newest seat, once").hasSize(1);
        assertThat(actions).doesNotContain("seat.restored");
        assertThat(actions.stream().filter("subscription.updated"::equals)).as("paid, then the final state").hasSize(2);
    }

    @Test
    void aCancellationEventAfterAResumedSubscriptionCannotEndIt() {
        Team team = threeMembersOnThreeSeats();
        purchases().changeQuietly(team.subscriptionId(), Map.of("cancelAtPeriodEnd", true));
        String cancelling = subscriptionEvent(eventId(), "customer.subscription.updated", team, "active", 3);
        purchases().changeQuietly(team.subscriptionId(), Map.of("cancelAtPeriodEnd", false));
        String resumed = subscriptionEvent(eventId(), "customer.subscription.updated", team, "active", 3);

        deliverSigned(resumed);
        deliverSigned(cancelling);

        JsonNode seats = purchases().seats(team.org(), team.owner());
        assertThat(seats.at("/subscription/cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(seats.get("assigned").asInt()).isEqualTo(3);
    }

    @Test
    void aDeletedSubscriptionSuspendsEverySeatWhateverArrivesAfter() {
        Team team = threeMembersOnThreeSeats();
        String earlier = subscriptionEvent(eventId(), "customer.subscription.updated", team, "active", 3);
        purchases().changeQuietly(team.subscriptionId(), Map.of("status", "canceled"));
        String deleted = subscriptionEvent(eventId(), "customer.subscription.deleted", team, "canceled", 3);

        deliverSigned(deleted);
        deliverSigned(earlier);
        deliverSigned(completedCheckout(eventId(), team));

        assertThat(outcome(team)).containsExactly("paid=0", "assigned=0", "suspended=3", "status=canceled",
                "quantity=3", "cancelAtPeriodEnd=false", "suspended", "suspended", "suspended");
    }

    @Test
    void anObservationOlderThanTheOneHeldChangesNothing() {
        Team team = threeMembersOnThreeSeats();
        purchases().change(team.subscriptionId(), Map.of("quantity", 1));
        var stale = provider.fetchSubscription(team.subscriptionId()).orElseThrow();
        var older = new com.getpaidx.orgs.billing.SubscriptionState(stale.id(), stale.customerId(), "active", 3,
                stale.currentPeriodEnd(), false, stale.metadata());

        // a look taken before the latest one (a lower number), whose transaction happens to commit last
        transactions.executeWithoutResult(tx -> events.publishEvent(new SubscriptionChanged("evt_test_slow", older, 1)));

        assertThat(outcome(team)).containsExactly("paid=1", "assigned=1", "suspended=2", "status=active", "quantity=1",
                "cancelAtPeriodEnd=false", "active", "suspended", "suspended");
    }

    @Test
    void anEventAboutASubscriptionTheProviderDoesNotKnowIsAcknowledgedAndChangesNothing() {
        Team team = threeMembersOnThreeSeats();
        String id = eventId();
        Team unknown = new Team(team.org(), team.owner(), team.members(), "sub_sbx_unknown", team.customerId(),
                team.sessionId());

        Api.Response response = deliverSigned(subscriptionEvent(id, "customer.subscription.updated", unknown, "canceled", 0));

        assertThat(response.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT processed_at IS NOT NULL FROM payment_event WHERE event_id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(purchases().seats(team.org(), team.owner()).get("assigned").asInt()).isEqualTo(3);
    }

    @Test
    void theOrgComesFromTheProvidersSubscriptionNeverFromTheEventsOwnCopy() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        String subscription = purchases().buy(org, owner, 1);
        purchases().change(subscription, Map.of("quantity", 2));
        // an event whose copy of the subscription names another org changes only the org the subscription is of
        Team other = threeMembersOnThreeSeats();
        Team misnamed = new Team(other.org(), other.owner(), other.members(), subscription, "cus_other", "cs_other");

        deliverSigned(subscriptionEvent(eventId(), "customer.subscription.updated", misnamed, "active", 2));

        assertThat(purchases().seats(org, owner).get("paid").asInt()).isEqualTo(2);
        assertThat(purchases().seats(other.org(), other.owner()).at("/subscription/id").asString())
                .isEqualTo(other.subscriptionId());
    }
}
