package com.getpaidx.orgs.billing.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.PageRequest;

/** The log of events the sandbox sent, as it sent them. */
@Repository
@ConditionalOnPaymentSandbox
class JdbcSandboxEventRepository {

    /** @param body the {@code ProviderEvent} as JSON */
    record StoredEvent(UUID key, String type, String body, Instant createdAt, Instant deliveredAt) {
    }

    private static final String COLUMNS = "id, type, body::text AS body, created_at, delivered_at";

    private final JdbcClient jdbc;

    JdbcSandboxEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID key, String type, String body, Instant now) {
        jdbc.sql("""
                INSERT INTO sandbox_event (id, type, body, created_at)
                VALUES (:id, :type, CAST(:body AS jsonb), :now)""")
                .param("id", key).param("type", type).param("body", body).param("now", Timestamp.from(now))
                .update();
    }

    Optional<StoredEvent> find(UUID key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_event WHERE id = :id")
                .param("id", key).query(JdbcSandboxEventRepository::event).optional();
    }

    /** Newest first. */
    List<StoredEvent> page(PageRequest request) {
        return jdbc.sql("""
                SELECT %s FROM sandbox_event
                 WHERE CAST(:afterTime AS timestamptz) IS NULL
                    OR (created_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit""".formatted(COLUMNS))
                .param("afterTime", request.afterTime() == null ? null : Timestamp.from(request.afterTime()))
                .param("afterId", request.afterId()).param("limit", request.fetchSize())
                .query(JdbcSandboxEventRepository::event).list();
    }

    void markDelivered(UUID key, Instant now) {
        jdbc.sql("UPDATE sandbox_event SET delivered_at = :now WHERE id = :id AND delivered_at IS NULL")
                .param("id", key).param("now", Timestamp.from(now)).update();
    }

    /** Events the inbox has not confirmed, created before {@code before}, oldest first. */
    List<StoredEvent> undelivered(Instant before, int limit) {
        return jdbc.sql("""
                SELECT %s FROM sandbox_event
                 WHERE delivered_at IS NULL AND created_at < :before
                 ORDER BY created_at LIMIT :limit""".formatted(COLUMNS))
                .param("before", Timestamp.from(before)).param("limit", limit)
                .query(JdbcSandboxEventRepository::event).list();
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new StoredEvent(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
    }
}
