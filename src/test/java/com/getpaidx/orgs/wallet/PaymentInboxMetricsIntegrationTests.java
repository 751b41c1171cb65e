package com.getpaidx.orgs.wallet;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.Scrape;
import com.getpaidx.orgs.support.SignedWebhooks;
import com.getpaidx.orgs.wallet.TopUpCheckouts.Pending;
import com.getpaidx.orgs.wallet.TopUpCheckouts.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Stripe event that waits in the payment inbox is pending on the scrape until it is processed. */
@IntegrationTest
class PaymentInboxMetricsIntegrationTests {

    private static final String PENDING = "getpaidx_payment_inbox_pending";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired MutableClock clock;

    private TopUpCheckouts topUps;
    private SignedWebhooks webhooks;

    @BeforeEach
    void setUp() {
        topUps = new TopUpCheckouts(api, fixtures, jdbc);
        webhooks = new SignedWebhooks(api, environment, clock);
    }

    @Test
    void aRefundWaitingForItsGrantIsPendingUntilTheGrantArrives() {
        Pending pending = topUps.pending();
        String intent = TopUpCheckouts.paymentIntent();

        String refund = webhooks.send("charge.refunded", TopUpCheckouts.refundedCharge(pending, intent, 1000, 250));
        assertThat(topUps.processed(refund)).isFalse();
        // other tests' events come and go meanwhile: the scrape agrees with the table, this refund among its pending
        awaitScrapeCountsPendingEvents();
        assertThat(topUps.processed(refund)).isFalse();

        webhooks.send("checkout.session.completed", Session.of(pending, intent).json());
        assertThat(topUps.balance(pending)).isEqualTo("750");
        await().atMost(Duration.ofSeconds(10)).until(() -> topUps.processed(refund));
        awaitScrapeCountsPendingEvents();
        assertThat(Scrape.of(api).has("getpaidx_payment_inbox_dead")).isTrue();
    }

    private void awaitScrapeCountsPendingEvents() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Scrape.of(api).value(PENDING)).isEqualTo(
                jdbc.sql("SELECT count(*) FROM payment_event WHERE processed_at IS NULL AND dead_at IS NULL")
                        .query(Long.class).single().doubleValue()));
    }
}
