package com.getpaidx.orgs.billing;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.micrometer.core.instrument.MeterRegistry;

import com.getpaidx.orgs.billing.internal.DatabasePaymentInbox;
import com.getpaidx.orgs.billing.internal.JdbcPaymentEventRepository;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the inbox cannot process (here: a stored body this version cannot read) is tried
 * {@code getpaidx.billing.inbox-max-attempts} times (default 20), then it is dead: never tried again by the
 * retrier or a redelivery, audited, and counted for operators.
 */
@IntegrationTest
class PaymentInboxDeadLetterIntegrationTests {

    @Autowired DatabasePaymentInbox inbox;
    @Autowired JdbcPaymentEventRepository events;
    @Autowired BillingProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MeterRegistry meters;
    @Autowired Api api;

    @Test
    void anEventIsDeadAfterItsLastAttemptAuditedAndCounted() {
        assertThat(properties.inboxMaxAttempts()).as("the default").isEqualTo(20);
        String id = "evt_test_" + UUID.randomUUID().toString().replace("-", "");
        // the retrier leaves it to this test: its first retry is a day away
        events.insert(id, "stripe", "checkout.session.completed", "{\"unreadable\":true}", clock.instant(),
                clock.instant().plus(Duration.ofDays(1)));

        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(events.find(id).orElseThrow().attempts()).as("before attempt %d", attempt).isEqualTo(attempt - 1);
            assertThat(dead(id)).as("before attempt %d", attempt).isFalse();
            inbox.process(id);
        }

        assertThat(dead(id)).isTrue();
        assertThat(events.find(id).orElseThrow().lastError()).isNotBlank();
        assertThat(events.due(clock.instant().plus(Duration.ofDays(365)), 10_000)).doesNotContain(id);
        inbox.process(id);
        assertThat(events.find(id).orElseThrow().attempts()).as("never tried again").isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM service_audit_event WHERE action = 'payment_event.dead' AND target_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
        // other tests' rows die meanwhile: count again at each look
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long counted = jdbc.sql("SELECT count(*) FROM payment_event WHERE dead_at IS NOT NULL").query(Long.class).single();
            assertThat(meters.get("getpaidx.payment.inbox.dead").gauge().value())
                    .as("the gauge, read again after getpaidx.metrics.gauge-refresh").isEqualTo(counted);
            assertThat(api.management("/actuator/health").body().at("/components/paymentInbox/details/deadEvents").asLong())
                    .isEqualTo(counted);
        });
    }

    private boolean dead(String id) {
        return jdbc.sql("SELECT dead_at IS NOT NULL FROM payment_event WHERE event_id = :id").param("id", id)
                .query(Boolean.class).single();
    }
}
