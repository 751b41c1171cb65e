package com.getpaidx.orgs.mail.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.mail.OutgoingMail;

/**
 * The {@code mail_outbox} table. Every method is one auto-committed statement: the sender holds no
 * transaction, and so no row lock, while it talks to the mail server.
 */
@Repository
public class JdbcMailOutboxRepository {

    /** A mail leased to one sender; {@code attempts} counts this one. */
    public record ClaimedMail(UUID id, OutgoingMail mail, int attempts) {
    }

    private final JdbcClient jdbc;

    JdbcMailOutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the mail, due at once. */
    public void insert(UUID id, OutgoingMail mail, Instant now) {
        jdbc.sql("""
                INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, attempts, next_attempt_at, created_at)
                VALUES (:id, :recipient, :subject, :text, :html, 0, :now, :now)""")
                .param("id", id).param("recipient", mail.to()).param("subject", mail.subject())
                .param("text", mail.text()).param("html", mail.html())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Leases up to {@code batch} due mails until {@code leaseUntil}, oldest due first. SKIP LOCKED lets
     * concurrent claimers (other instances) pass over each other's rows instead of waiting for them,
     * and the moved {@code next_attempt_at} keeps a claimed row from being claimed again until its
     * sender reports back or the lease runs out (the sender died: the mail is sent again, at least once).
     */
    public List<ClaimedMail> claimDue(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :leaseUntil
                 WHERE id IN (SELECT id FROM mail_outbox
                               WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= :now
                               ORDER BY next_attempt_at
                               LIMIT :batch
                               FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, text_body, html_body, attempts""")
                .param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil))
                .param("batch", batch)
                .query((rs, n) -> new ClaimedMail(rs.getObject("id", UUID.class),
                        new OutgoingMail(rs.getString("recipient"), rs.getString("subject"),
                                rs.getString("text_body"), rs.getString("html_body")),
                        rs.getInt("attempts")))
                .list();
    }

    /** Done. The bodies go: they may hold a one-time secret (an invitation link) nobody needs any more. */
    public void markSent(UUID id, Instant now) {
        jdbc.sql("""
                UPDATE mail_outbox SET sent_at = :now, last_error = NULL, text_body = NULL, html_body = NULL
                 WHERE id = :id AND sent_at IS NULL""")
                .param("id", id).param("now", Timestamp.from(now))
                .update();
    }

    /** Gives up after the last allowed attempt. The bodies go, as when sent: they may hold a one-time secret. */
    public void markDead(UUID id, Instant now, String error) {
        jdbc.sql("""
                UPDATE mail_outbox SET dead_at = :now, last_error = :error, text_body = NULL, html_body = NULL
                 WHERE id = :id AND sent_at IS NULL AND dead_at IS NULL""")
                .param("id", id).param("now", Timestamp.from(now)).param("error", error)
                .update();
    }

    /** What waits and what died, for the gauges; the partial indexes on due and dead rows keep it cheap. */
    public record Backlog(long pending, long dead, Instant oldestPending) {
    }

    public Backlog backlog() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND dead_at IS NULL) AS pending,
                       (SELECT count(*) FROM mail_outbox WHERE dead_at IS NOT NULL) AS dead,
                       (SELECT min(created_at) FROM mail_outbox WHERE sent_at IS NULL AND dead_at IS NULL) AS oldest""")
                .query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("dead"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    public long countDead() {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE dead_at IS NOT NULL").query(Long.class).single();
    }

    /** Gives the lease back early, due again at {@code nextAttemptAt}. */
    public void markFailed(UUID id, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                UPDATE mail_outbox SET next_attempt_at = :next, last_error = :error
                 WHERE id = :id AND sent_at IS NULL""")
                .param("id", id).param("next", Timestamp.from(nextAttemptAt)).param("error", error)
                .update();
    }
}
