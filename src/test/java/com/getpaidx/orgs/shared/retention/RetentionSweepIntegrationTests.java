package com.getpaidx.orgs.shared.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep deletes what has expired and nothing still in use: sent mail after 30 days but not unsent or dead mail,
 * delivered events after 30 days but not pending or dead ones, processed payment events after 90 days but not
 * unprocessed or dead ones, sign-in attempts once the newest has left the 15-minute window; more rows than a batch
 * take several statements, and a sweep runs at most its batches.
 */
@IntegrationTest
class RetentionSweepIntegrationTests {

    private static final Instant NOW = Instant.now();

    @Autowired RetentionSweep sweep;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    @Autowired List<ExpiringRows> expiring;

    @Test
    void whatHasExpiredGoesAndWhatIsInUseStays() {
        UUID sentLongAgo = mail(days(31), days(31), null);
        UUID sentLately = mail(days(31), days(29), null);
        UUID unsent = mail(days(40), null, null);
        UUID dead = mail(days(40), null, days(39));
        UUID org = UUID.randomUUID();
        UUID delivered = delivery(org, "delivered", days(31));
        UUID deliveredLately = delivery(org, "delivered", days(29));
        UUID pending = delivery(org, "pending", null);
        UUID deadDelivery = delivery(org, "dead", null);
        String processed = paymentEvent(days(91), null);
        String processedLately = paymentEvent(days(89), null);
        String unprocessed = paymentEvent(null, null);
        String deadEvent = paymentEvent(null, days(100));
        String stale = attempts(List.of(days(2), Duration.ofMinutes(16)));
        String counting = attempts(List.of(days(2), Duration.ofMinutes(14)));
        double before = deleted("login_attempt");

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(4);

        assertThat(present("mail_outbox", "id", List.of(sentLongAgo, sentLately, unsent, dead)))
                .containsExactlyInAnyOrder(sentLately, unsent, dead);
        assertThat(present("event_delivery", "id", List.of(delivered, deliveredLately, pending, deadDelivery)))
                .containsExactlyInAnyOrder(deliveredLately, pending, deadDelivery);
        assertThat(present("payment_event", "event_id", List.of(processed, processedLately, unprocessed, deadEvent)))
                .containsExactlyInAnyOrder(processedLately, unprocessed, deadEvent);
        assertThat(present("login_attempt", "email", List.of(stale, counting))).containsExactly(counting);
        assertThat(deleted("login_attempt") - before).isGreaterThanOrEqualTo(1);
    }

    @Test
    void moreThanABatchTakesSeveralStatementsAndLeavesNone() {
        String tag = "sweep-" + UUID.randomUUID() + "-";
        staleAttempts(tag, 2500);
        double before = deleted("login_attempt");

        sweep.sweep();

        assertThat(tagged(tag)).isZero();
        assertThat(deleted("login_attempt") - before).isGreaterThanOrEqualTo(2500);
    }

    @Test
    void aSweepRunsAtMostItsBatchesAndTheNextTakesTheRest() {
        String tag = "capped-" + UUID.randomUUID() + "-";
        staleAttempts(tag, 500);
        ExpiringRows attempts = expiring.stream().filter(rows -> rows.table().equals("login_attempt")).findFirst().orElseThrow();
        var capped = new RetentionSweep(List.of(attempts), jdbc, new RetentionProperties(Duration.ofHours(1), 100, 2),
                Clock.systemUTC(), new SimpleMeterRegistry());

        assertThat(capped.sweep()).isEqualTo(200);
        assertThat(tagged(tag)).isGreaterThanOrEqualTo(300);
        capped.sweep();
        capped.sweep();
        assertThat(tagged(tag)).isZero();
    }

    private void staleAttempts(String tag, int count) {
        jdbc.sql("""
                INSERT INTO login_attempt (email, attempts)
                SELECT :tag || i || '@example.com', ARRAY[CAST(:at AS timestamptz)] FROM generate_series(1, :count) AS i""")
                .param("tag", tag).param("at", Timestamp.from(NOW.minus(days(1)))).param("count", count).update();
    }

    private long tagged(String tag) {
        return jdbc.sql("SELECT count(*) FROM login_attempt WHERE email LIKE :tag || '%'").param("tag", tag)
                .query(Long.class).single();
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static Timestamp ago(Duration age) {
        return age == null ? null : Timestamp.from(NOW.minus(age));
    }

    private UUID mail(Duration created, Duration sent, Duration dead) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, next_attempt_at, created_at, sent_at, dead_at)
                VALUES (:id, 'someone@example.com', 'Hello', 'text', '<p>html</p>', :created, :created, :sent, :dead)""")
                .param("id", id).param("created", ago(created)).param("sent", ago(sent)).param("dead", ago(dead)).update();
        return id;
    }

    private UUID delivery(UUID org, String status, Duration delivered) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_delivery (org_id, id, webhook_id, type, endpoint_url, body, status, next_attempt_at,
                                            created_at, delivered_at)
                VALUES (:org, :id, 'msg_' || :id, 'member.added', 'http://127.0.0.1:9/events', '{}', :status, :old, :old,
                        :delivered)""")
                .param("org", org).param("id", id).param("status", status).param("old", ago(days(60)))
                .param("delivered", ago(delivered)).update();
        return id;
    }

    private String paymentEvent(Duration processed, Duration dead) {
        String id = "evt_sweep_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO payment_event (event_id, provider, type, body, received_at, processed_at, next_attempt_at, dead_at)
                VALUES (:id, 'stripe', 'checkout.session.completed', '{}', :old, :processed, :old, :dead)""")
                .param("id", id).param("old", ago(days(120))).param("processed", ago(processed)).param("dead", ago(dead))
                .update();
        return id;
    }

    private String attempts(List<Duration> ages) {
        String email = "sweep-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO login_attempt (email, attempts) VALUES (:email, CAST(:attempts AS timestamptz[]))")
                .param("email", email)
                .param("attempts", "{" + String.join(",", ages.stream().map(a -> "\"" + NOW.minus(a) + "\"").toList()) + "}")
                .update();
        return email;
    }

    private <T> List<Object> present(String table, String key, List<T> ids) {
        return jdbc.sql("SELECT " + key + " FROM " + table + " WHERE " + key + " IN (:ids)").param("ids", ids)
                .query((rs, n) -> rs.getObject(1)).list();
    }

    private double deleted(String table) {
        var counter = meters.find("getpaidx.retention.deleted.rows").tag("table", table).counter();
        return counter == null ? 0 : counter.count();
    }
}
