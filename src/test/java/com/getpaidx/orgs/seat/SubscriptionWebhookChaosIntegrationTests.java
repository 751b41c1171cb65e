package com.getpaidx.orgs.seat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.getpaidx.orgs.seat.SeatWebhooks.Team;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.SignedWebhooks;
import com.getpaidx.orgs.support.SignedWebhooks.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook chaos for seat subscriptions: several subscriptions of three members on three seats, each with a
 * twin. Both twins' subscriptions change the same way in the sandbox (seats down and up, past due, unpaid or
 * active again, cancelling at period end or not; the last one is deleted at the end), their own webhooks held
 * back. The twin gets each Stripe-signed event once, just after its change, so it passes through every
 * state between. The other gets them only after all changes: each event (and the {@code
 * checkout.session.completed} it already had) three times, shuffled among all subscriptions' events, with
 * copies signed longer ago than the 300 s tolerance and copies signed with a forged secret (400, no effect).
 * Every pair must end with the same subscription, paid seats and assignments, which are the sandbox's.
 */
@IntegrationTest
class SubscriptionWebhookChaosIntegrationTests {

    private static final int SUBSCRIPTIONS = 4;

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Environment environment;
    @Autowired MutableClock clock;

    private record Twins(Team shuffled, Team inOrder) {
    }

    @Test
    void shuffledTriplicateStaleAndForgedDeliveriesEndWhereInOrderDeliveryEnds() {
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        Random random = new Random(seed);
        SeatWebhooks webhooks = new SeatWebhooks(api, fixtures, environment, clock);
        List<Twins> pairs = new ArrayList<>();
        List<String> held = new ArrayList<>();
        int fresh = 0;
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            String paid = SignedWebhooks.eventId();
            Twins twins = new Twins(webhooks.threeMembersOnThreeSeats(paid), webhooks.threeMembersOnThreeSeats());
            pairs.add(twins);
            held.add(SeatWebhooks.completedCheckout(paid, twins.shuffled()));
            for (Map<String, Object> change : story(random, i == SUBSCRIPTIONS - 1)) {
                held.add(happen(twins.shuffled(), change));
                Api.Response delivered = webhooks.deliverSigned(happen(twins.inOrder(), change));
                assertThat(delivered.status()).as("seed %d: %s", seed, delivered).isEqualTo(200);
                fresh++;
            }
        }

        int processed = 0;
        for (Delivery delivery : new SignedWebhooks(api, environment, clock).chaos(held, random)) {
            Api.Response response = webhooks.deliver(delivery.payload(), delivery.signature());
            assertThat(response.status()).as("seed %d: %s for %s", seed, response, delivery.payload())
                    .isEqualTo(delivery.expected());
            processed += response.status() == 200 && !response.body().get("duplicate").asBoolean() ? 1 : 0;
        }

        assertThat(processed).as("seed %d: events processed, each once (the checkouts' before)", seed)
                .isEqualTo(fresh);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            Twins twins = pairs.get(i);
            List<String> outcome = webhooks.outcome(twins.shuffled());
            assertThat(outcome).as("seed %d, subscription %d", seed, i).isEqualTo(webhooks.outcome(twins.inOrder()));
            Api.Response sandbox = api.get("/sandbox/api/subscriptions/" + twins.shuffled().subscriptionId(), null);
            assertThat(outcome).as("seed %d, subscription %d: the sandbox's", seed, i).contains(
                    "status=" + sandbox.text("status"), "quantity=" + sandbox.body().get("quantity").asInt(),
                    "cancelAtPeriodEnd=" + sandbox.body().get("cancelAtPeriodEnd").asBoolean());
        }
    }

    /**
     * What happens to a subscription after its checkout: a late {@code customer.subscription.created} (no
     * change); fewer seats (0 or 1); three changes drawn at random (0–4 seats, unpaid, active, cancelling at
     * period end or not) with past due and, later, active again among them; 1 or 2 seats, so that which
     * members keep theirs depends on who was suspended and restored before; {@code deleted} may end it.
     */
    private static List<Map<String, Object>> story(Random random, boolean deleted) {
        List<Map<String, Object>> changes = new ArrayList<>(List.of(Map.of("quantity", random.nextInt(2))));
        for (int step = 0; step < 3; step++) {
            changes.add(random.nextBoolean() ? Map.of("quantity", random.nextInt(5)) : switch (random.nextInt(3)) {
                case 0 -> Map.of("status", "unpaid");
                case 1 -> Map.of("status", "active");
                default -> Map.of("cancelAtPeriodEnd", random.nextBoolean());
            });
        }
        int pastDue = random.nextInt(changes.size() + 1);
        changes.add(pastDue, Map.of("status", "past_due"));
        changes.add(pastDue + 1 + random.nextInt(changes.size() - pastDue), Map.of("status", "active"));
        changes.addFirst(Map.of());
        changes.add(Map.of("quantity", 1 + random.nextInt(2)));
        if (deleted) {
            changes.add(Map.of("status", "canceled"));
        }
        return changes;
    }

    /**
     * Makes the change in the sandbox, its webhook held back, and returns the event Stripe would send about it,
     * with the subscription as it then was.
     */
    private String happen(Team team, Map<String, Object> change) {
        if (change.isEmpty()) {
            return SeatWebhooks.subscriptionEvent(SignedWebhooks.eventId(), "customer.subscription.created", team,
                    "active", 3);
        }
        Api.Response changed = new SeatPurchases(api).changeQuietly(team.subscriptionId(), change);
        String status = changed.text("status");
        return SeatWebhooks.subscriptionEvent(SignedWebhooks.eventId(), "canceled".equals(status)
                ? "customer.subscription.deleted" : "customer.subscription.updated", team, status,
                changed.body().get("quantity").asInt());
    }
}
