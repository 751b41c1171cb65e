package com.getpaidx.orgs.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.RowStream;

/**
 * Writes audit events in the caller's transaction (a change and its record commit or vanish together)
 * and reads them back newest first. Who may read is the caller's decision.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RowStream rows;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock, RowStream rows) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An org's event goes to {@code audit_event} (org-owned, distributable by org_id), an event of the service
     * itself (no org) to {@code service_audit_event}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord record) {
        String insert = record.orgId() == null
                ? """
                INSERT INTO service_audit_event (id, actor_user_id, action, target_type, target_id, before, after, created_at)
                VALUES (:id, :actor, :action, :targetType, :targetId, CAST(:before AS jsonb), CAST(:after AS jsonb), :now)"""
                : """
                INSERT INTO audit_event (id, org_id, actor_user_id, action, target_type, target_id, before, after, created_at)
                VALUES (:id, :org, :actor, :action, :targetType, :targetId, CAST(:before AS jsonb), CAST(:after AS jsonb), :now)""";
        var statement = jdbc.sql(insert)
                .param("id", UUID.randomUUID())
                .param("actor", record.actor() == null ? null : record.actor().value())
                .param("action", record.action())
                .param("targetType", record.targetType())
                .param("targetId", record.targetId())
                .param("before", record.before() == null ? null : json.writeValueAsString(record.before()))
                .param("after", record.after() == null ? null : json.writeValueAsString(record.after()))
                .param("now", Timestamp.from(clock.instant()));
        if (record.orgId() != null) {
            statement = statement.param("org", record.orgId().value());
        }
        statement.update();
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> page(OrgId orgId, PageRequest request) {
        return page(orgId, AuditFilter.NONE, request);
    }

    /** One page of the org's events that pass {@code filter}, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> page(OrgId orgId, AuditFilter filter, PageRequest request) {
        var parameters = filter(orgId, filter);
        parameters.put("afterTime", request.afterTime() == null ? null : Timestamp.from(request.afterTime()));
        parameters.put("afterId", request.afterId());
        parameters.put("limit", request.fetchSize());
        var rows = jdbc.sql(SELECT + """
                   AND (CAST(:afterTime AS timestamptz) IS NULL OR (created_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit""")
                .params(parameters)
                .query(this::map)
                .list();
        return request.page(rows, event -> new Cursor.Position(event.createdAt(), event.id()));
    }

    /** Every event of the org that passes {@code filter}, oldest first, one at a time (an export). */
    @Transactional(readOnly = true)
    public long export(OrgId orgId, AuditFilter filter, Consumer<AuditEvent> sink) {
        return rows.each(SELECT + " ORDER BY created_at, id", filter(orgId, filter), this::map, sink);
    }

    private static final String SELECT = """
            SELECT id, action, actor_user_id, target_type, target_id, before::text AS before, after::text AS after, created_at
              FROM audit_event
             WHERE org_id = :org
               AND (CAST(:actor AS uuid) IS NULL OR actor_user_id = :actor)
               AND (CAST(:action AS text) IS NULL OR action = :action)
               AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)
            """;

    private static Map<String, Object> filter(OrgId orgId, AuditFilter filter) {
        var parameters = new HashMap<String, Object>();
        parameters.put("org", orgId.value());
        parameters.put("actor", filter.actor() == null ? null : filter.actor().value());
        parameters.put("action", filter.action());
        parameters.put("from", filter.from() == null ? null : Timestamp.from(filter.from()));
        parameters.put("to", filter.to() == null ? null : Timestamp.from(filter.to()));
        return parameters;
    }

    private AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getObject("id", UUID.class), rs.getString("action"),
                rs.getObject("actor_user_id", UUID.class), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("before") == null ? null : json.readTree(rs.getString("before")),
                rs.getString("after") == null ? null : json.readTree(rs.getString("after")),
                rs.getTimestamp("created_at").toInstant());
    }
}
