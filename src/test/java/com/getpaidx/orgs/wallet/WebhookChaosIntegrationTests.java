package com.getpaidx.orgs.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.SignedWebhooks;
import com.getpaidx.orgs.support.SignedWebhooks.Delivery;
import com.getpaidx.orgs.support.StripeEvents;
import com.getpaidx.orgs.wallet.TopUpCheckouts.Pending;
import com.getpaidx.orgs.wallet.TopUpCheckouts.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook chaos: for each of several top-ups, its Stripe events (paid, then two partial refunds with growing
 * totals) are each delivered three times in a shuffled order, among copies signed longer ago than the 300 s
 * tolerance and copies signed with a forged secret (each answered 400, with no effect). The end state of every
 * top-up — status and balance — equals that of a twin top-up whose same events came once, in order.
 */
@IntegrationTest
class WebhookChaosIntegrationTests {

    private static final int TOP_UPS = 6;

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired MutableClock clock;

    @Test
    void shuffledTriplicateStaleAndForgedDeliveriesEndWhereInOrderDeliveryEnds() {
        TopUpCheckouts topUps = new TopUpCheckouts(api, fixtures, jdbc);
        SignedWebhooks webhooks = new SignedWebhooks(api, environment, clock);
        Random random = new Random(Long.getLong("chaos.seed", System.nanoTime()));
        List<String> held = new ArrayList<>();
        List<Pending[]> pairs = new ArrayList<>();
        for (int i = 0; i < TOP_UPS; i++) {
            Pending shuffled = topUps.pending();
            Pending inOrder = topUps.pending();
            pairs.add(new Pending[] {shuffled, inOrder});
            long first = 100 + random.nextInt(400);
            long second = first + random.nextInt(1000 - (int) first) + (i % 3 == 0 ? 1000 : 0);
            for (Pending pending : List.of(inOrder, shuffled)) {
                String intent = TopUpCheckouts.paymentIntent();
                List<String> events = List.of(
                        event("checkout.session.completed", Session.of(pending, intent).json()),
                        event("charge.refunded", TopUpCheckouts.refundedCharge(pending, intent, 1000, Math.min(first, 1000))),
                        event("charge.refunded", TopUpCheckouts.refundedCharge(pending, intent, 1000, Math.min(second, 1000))));
                if (pending == inOrder) {
                    events.forEach(payload -> assertThat(webhooks.deliver(payload).status()).isEqualTo(200));
                }
                else {
                    held.addAll(events);
                }
            }
        }
        for (Delivery delivery : webhooks.chaos(held, random)) {
            assertThat(webhooks.deliver(delivery.payload(), delivery.signature()).status()).as(delivery.payload())
                    .isEqualTo(delivery.expected());
        }
        for (Pending[] pair : pairs) {
            assertThat(topUps.status(pair[0])).as("status").isEqualTo(topUps.status(pair[1]));
            assertThat(topUps.balance(pair[0])).as("balance").isEqualTo(topUps.balance(pair[1]));
        }
    }

    private static String event(String type, String object) {
        return StripeEvents.event(SignedWebhooks.eventId(), type, StripeEvents.SDK_API_VERSION, object);
    }
}
