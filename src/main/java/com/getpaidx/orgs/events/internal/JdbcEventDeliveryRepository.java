package com.getpaidx.orgs.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.events.DeliveryStatus;
import com.getpaidx.orgs.events.EventDelivery;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.OutboxGauges;
import com.getpaidx.orgs.shared.PageRequest;

/**
 * The {@code event_delivery} table. The sender's methods are one auto-committed statement each: it holds no
 * transaction, and so no row lock, while it waits for an endpoint.
 */
@Repository
public class JdbcEventDeliveryRepository {

    /** A delivery leased to one sender; {@code attempts} counts this one. */
    public record Claimed(OrgId orgId, UUID id, String webhookId, String endpointUrl, String body, int attempts,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;

    JdbcEventDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues one event for one endpoint, due at once; in the caller's transaction. */
    public void insert(OrgId org, UUID id, String webhookId, String type, String endpointUrl, String body, Instant now) {
        jdbc.sql("""
                INSERT INTO event_delivery (org_id, id, webhook_id, type, endpoint_url, body, status, next_attempt_at, created_at)
                VALUES (:org, :id, :webhookId, :type, :url, :body, 'pending', :now, :now)""")
                .param("org", org.value()).param("id", id).param("webhookId", webhookId).param("type", type)
                .param("url", endpointUrl).param("body", body).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Leases up to {@code batch} due deliveries until {@code leaseUntil}, oldest due first; SKIP LOCKED lets other
     * instances pass over rows being claimed, and the moved {@code next_attempt_at} keeps a claimed row from being
     * claimed again until its sender reports back or the lease runs out (then it is sent again: at least once).
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                UPDATE event_delivery SET attempts = attempts + 1, next_attempt_at = :leaseUntil
                 WHERE (org_id, id) IN (SELECT org_id, id FROM event_delivery
                                         WHERE status = 'pending' AND next_attempt_at <= :now
                                         ORDER BY next_attempt_at
                                         LIMIT :batch
                                         FOR UPDATE SKIP LOCKED)
                RETURNING org_id, id, webhook_id, endpoint_url, body, attempts, created_at""")
                .param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil))
                .param("batch", batch)
                .query((rs, n) -> new Claimed(new OrgId(rs.getObject("org_id", UUID.class)),
                        rs.getObject("id", UUID.class), rs.getString("webhook_id"), rs.getString("endpoint_url"),
                        rs.getString("body"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public void markDelivered(Claimed claimed, int responseCode, Instant now) {
        jdbc.sql("""
                UPDATE event_delivery SET status = 'delivered', delivered_at = :now, last_response_code = :code,
                       last_error = NULL
                 WHERE org_id = :org AND id = :id AND status = 'pending'""")
                .param("org", claimed.orgId().value()).param("id", claimed.id()).param("code", responseCode)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Gives the lease back early: due again at {@code nextAttemptAt}, or dead when that is null. */
    public void markFailed(Claimed claimed, @Nullable Integer responseCode, String error, @Nullable Instant nextAttemptAt) {
        jdbc.sql("""
                UPDATE event_delivery SET last_response_code = :code, last_error = :error,
                       status = CASE WHEN CAST(:next AS timestamptz) IS NULL THEN 'dead' ELSE 'pending' END,
                       next_attempt_at = coalesce(CAST(:next AS timestamptz), next_attempt_at)
                 WHERE org_id = :org AND id = :id AND status = 'pending'""")
                .param("org", claimed.orgId().value()).param("id", claimed.id()).param("code", responseCode)
                .param("error", error).param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .update();
    }

    /** Hands an unsent claim back at shutdown: due now, this attempt not counted. */
    public void release(Claimed claimed, Instant now) {
        jdbc.sql("""
                UPDATE event_delivery SET attempts = attempts - 1, next_attempt_at = :now
                 WHERE org_id = :org AND id = :id AND status = 'pending'""")
                .param("org", claimed.orgId().value()).param("id", claimed.id()).param("now", Timestamp.from(now))
                .update();
    }

    /** A dead delivery becomes due at once, its attempts counted on; false when it is not dead (or unknown). */
    public boolean revive(UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE event_delivery SET status = 'pending', next_attempt_at = :now
                 WHERE id = :id AND status = 'dead'""")
                .param("id", id).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public Optional<EventDelivery> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(JdbcEventDeliveryRepository::row).optional();
    }

    /** Newest first, optionally of one status and type. */
    public List<EventDelivery> list(@Nullable DeliveryStatus status, @Nullable String type, PageRequest page) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:status AS text) IS NULL OR status = :status)
                   AND (CAST(:type AS text) IS NULL OR type = :type)
                   AND (CAST(:afterTime AS timestamptz) IS NULL OR (created_at, id) < (:afterTime, :afterId))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit""")
                .param("status", status == null ? null : status.json()).param("type", type)
                .param("afterTime", page.afterTime() == null ? null : Timestamp.from(page.afterTime()))
                .param("afterId", page.afterTime() == null ? null : page.afterId())
                .param("limit", page.fetchSize())
                .query(JdbcEventDeliveryRepository::row).list();
    }

    /** What waits and what died, for the gauges; the partial indexes (V26, V34) keep both counts off delivered rows. */
    public OutboxGauges.Backlog backlog() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM event_delivery WHERE status = 'pending') AS pending,
                       (SELECT count(*) FROM event_delivery WHERE status = 'dead') AS dead,
                       (SELECT min(created_at) FROM event_delivery WHERE status = 'pending') AS oldest""")
                .query((rs, n) -> new OutboxGauges.Backlog(rs.getLong("pending"), rs.getLong("dead"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    private static final String SELECT = """
            SELECT id, webhook_id, type, endpoint_url, status, attempts, last_response_code, last_error,
                   next_attempt_at, created_at, delivered_at
              FROM event_delivery
            """;

    private static EventDelivery row(ResultSet rs, int n) throws SQLException {
        DeliveryStatus status = DeliveryStatus.fromJson(rs.getString("status"));
        int code = rs.getInt("last_response_code");
        Integer responseCode = rs.wasNull() ? null : code;
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new EventDelivery(rs.getObject("id", UUID.class), rs.getString("webhook_id"), rs.getString("type"),
                rs.getString("endpoint_url"), status, rs.getInt("attempts"), responseCode, rs.getString("last_error"),
                status == DeliveryStatus.PENDING ? rs.getTimestamp("next_attempt_at").toInstant() : null,
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
    }
}
