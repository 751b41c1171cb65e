package com.getpaidx.orgs.billing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcPaymentEventRepository {

    public record StoredEvent(String eventId, String provider, String type, String body, Instant receivedAt,
            Instant processedAt, int attempts, String lastError) {
    }

    private final JdbcClient jdbc;

    JdbcPaymentEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False for an event id seen before: the primary key decides, under any concurrency. */
    public boolean insert(String eventId, String provider, String type, String body, Instant now, Instant firstRetry) {
        return jdbc.sql("""
                INSERT INTO payment_event (event_id, provider, type, body, received_at, next_attempt_at)
                VALUES (:id, :provider, :type, CAST(:body AS jsonb), :now, :retry)
                ON CONFLICT (event_id) DO NOTHING""")
                .param("id", eventId).param("provider", provider).param("type", type).param("body", body)
                .param("now", Timestamp.from(now)).param("retry", Timestamp.from(firstRetry))
                .update() == 1;
    }

    /** The body of an event nobody has processed yet, without locking it. */
    public Optional<String> unprocessed(String eventId) {
        return jdbc.sql("SELECT body::text FROM payment_event WHERE event_id = :id AND processed_at IS NULL AND dead_at IS NULL")
                .param("id", eventId).query(String.class).optional();
    }

    /**
     * Locks an unprocessed event for this transaction, or nothing when it is processed or another
     * instance is processing it right now.
     */
    public Optional<String> claim(String eventId) {
        return jdbc.sql("""
                SELECT body::text FROM payment_event
                 WHERE event_id = :id AND processed_at IS NULL AND dead_at IS NULL
                 FOR UPDATE SKIP LOCKED""")
                .param("id", eventId).query(String.class).optional();
    }

    public void markProcessed(String eventId, Instant now) {
        jdbc.sql("UPDATE payment_event SET processed_at = :now, attempts = attempts + 1, last_error = NULL WHERE event_id = :id")
                .param("id", eventId).param("now", Timestamp.from(now)).update();
    }

    public void markFailed(String eventId, String error, Instant nextAttempt) {
        jdbc.sql("""
                UPDATE payment_event SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                 WHERE event_id = :id AND processed_at IS NULL""")
                .param("id", eventId).param("error", error).param("next", Timestamp.from(nextAttempt)).update();
    }

    /** Gives up on the event after its last failed attempt: nothing retries it any more. */
    public void markDead(String eventId, String error, Instant now) {
        jdbc.sql("""
                UPDATE payment_event SET attempts = attempts + 1, last_error = :error, dead_at = :now
                 WHERE event_id = :id AND processed_at IS NULL AND dead_at IS NULL""")
                .param("id", eventId).param("error", error).param("now", Timestamp.from(now)).update();
    }

    /** Events not yet processed (waiting for a retry or another event) and dead ones, for the gauges. */
    public record Backlog(long pending, long dead) {
    }

    public Backlog backlog() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM payment_event WHERE processed_at IS NULL AND dead_at IS NULL) AS pending,
                       (SELECT count(*) FROM payment_event WHERE dead_at IS NOT NULL) AS dead""")
                .query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("dead")))
                .single();
    }

    public long countDead() {
        return jdbc.sql("SELECT count(*) FROM payment_event WHERE dead_at IS NOT NULL").query(Long.class).single();
    }

    /** Like {@link #markFailed}, and remembers which id the event waits for. */
    public void markAwaiting(String eventId, String awaited, String why, Instant nextAttempt) {
        jdbc.sql("""
                UPDATE payment_event SET attempts = attempts + 1, last_error = :why, next_attempt_at = :next,
                                         awaiting = :awaited
                 WHERE event_id = :id AND processed_at IS NULL AND dead_at IS NULL""")
                .param("id", eventId).param("why", why).param("next", Timestamp.from(nextAttempt))
                .param("awaited", awaited).update();
    }

    /** Unprocessed events waiting for any of {@code ids}, oldest first. */
    public List<String> awaiting(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT event_id FROM payment_event
                 WHERE processed_at IS NULL AND dead_at IS NULL AND awaiting IN (:ids)
                 ORDER BY received_at""")
                .param("ids", ids).query(String.class).list();
    }

    public int attempts(String eventId) {
        return jdbc.sql("SELECT attempts FROM payment_event WHERE event_id = :id")
                .param("id", eventId).query(Integer.class).optional().orElse(0);
    }

    public List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT event_id FROM payment_event
                 WHERE processed_at IS NULL AND dead_at IS NULL AND next_attempt_at <= :now
                 ORDER BY next_attempt_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(String.class).list();
    }

    public Optional<StoredEvent> find(String eventId) {
        return jdbc.sql("""
                SELECT event_id, provider, type, body::text AS body, received_at, processed_at, attempts, last_error
                  FROM payment_event WHERE event_id = :id""")
                .param("id", eventId)
                .query((rs, n) -> new StoredEvent(rs.getString("event_id"), rs.getString("provider"), rs.getString("type"),
                        rs.getString("body"), rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("processed_at") == null ? null : rs.getTimestamp("processed_at").toInstant(),
                        rs.getInt("attempts"), rs.getString("last_error")))
                .optional();
    }
}
