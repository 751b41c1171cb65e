package com.getpaidx.orgs.mail;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import io.micrometer.core.instrument.MeterRegistry;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail the server never takes is tried {@code getpaidx.mail.max-attempts} times (default 10), then it is
 * dead: never tried again, its bodies (which may hold a token) erased, audited, and counted for operators.
 * The clock moves past each retry delay, so ten attempts take a second, not an hour.
 */
@IntegrationTest
class MailDeadLetterIntegrationTests {

    @Autowired MailOutbox outbox;
    @Autowired OutboxProperties properties;
    @Autowired TestMailServer mailServer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MeterRegistry meters;
    @Autowired Api api;

    record Row(UUID id, int attempts, boolean dead, String textBody, String htmlBody) {
    }

    @AfterEach
    void restore() {
        mailServer.start();
        clock.reset();
    }

    @Test
    void aMailIsDeadAfterItsLastAttemptItsBodiesErasedAuditedAndCounted() {
        assertThat(properties.maxAttempts()).as("the default").isEqualTo(10);
        String recipient = "dead-" + UUID.randomUUID() + "@example.test";
        mailServer.stop();
        transactions.execute(tx -> outbox.enqueue(new OutgoingMail(recipient, "Join Acme",
                "https://example.test/accept?token=secret-token", "<a href=\"https://example.test/accept\">Join</a>")));

        Row dead = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            clock.advance(properties.retryMax());
            return row(recipient);
        }, Row::dead);

        assertThat(dead.attempts()).isEqualTo(10);
        assertThat(dead.textBody()).isNull();
        assertThat(dead.htmlBody()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM service_audit_event WHERE action = 'mail.dead' AND target_id = :id")
                .param("id", dead.id().toString()).query(Integer.class).single()).isEqualTo(1);
        // other tests' rows die meanwhile: count again at each look
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long counted = jdbc.sql("SELECT count(*) FROM mail_outbox WHERE dead_at IS NOT NULL").query(Long.class).single();
            assertThat(meters.get("getpaidx.mail.outbox.dead").gauge().value())
                    .as("the gauge, read again after getpaidx.metrics.gauge-refresh").isEqualTo(counted);
            assertThat(api.management("/actuator/health").body().at("/components/mailOutbox/details/deadMails").asLong())
                    .isEqualTo(counted);
        });

        mailServer.start();
        for (int poll = 0; poll < 5; poll++) {
            clock.advance(properties.retryMax());
            await().pollDelay(Duration.ofMillis(150)).until(() -> true);
        }
        assertThat(row(recipient).attempts()).as("never tried again").isEqualTo(10);
        assertThat(mailServer.messagesTo(recipient)).isEmpty();
    }

    private Row row(String recipient) {
        return jdbc.sql("""
                SELECT id, attempts, dead_at IS NOT NULL AS dead, text_body, html_body FROM mail_outbox
                 WHERE recipient = :recipient""")
                .param("recipient", recipient)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getInt("attempts"), rs.getBoolean("dead"),
                        rs.getString("text_body"), rs.getString("html_body")))
                .single();
    }
}
