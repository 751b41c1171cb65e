package com.getpaidx.orgs.usage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.BillingTarget;
import com.getpaidx.orgs.usage.Workspace;

@Repository
public class JdbcWorkspaceRepository {

    private static final String COLUMNS = "id, owner_user_id, name, billing_target, billing_org_id, created_at";

    private final JdbcClient jdbc;

    JdbcWorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What registering did: {@code created} when the workspace is new; {@code reset} when an owner change sent it
     * back to personal from an org.
     */
    public record Registration(boolean created, Optional<Reset> reset) {
    }

    /** The org the workspace was billed to, and the owner who had chosen it. */
    public record Reset(OrgId org, UserId previousOwner) {
    }

    /**
     * Registers or updates a workspace. A new owner did not choose the old owner's org, so an owner
     * change resets the binding to personal (the row is locked first, so the org it was billed to is the one reset;
     * in the upsert's own statement a row lock would skip the row the upsert changes).
     */
    public Registration upsert(String id, UserId owner, String name, Instant now) {
        Optional<Reset> reset = jdbc.sql("SELECT owner_user_id, billing_org_id FROM workspace WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> {
                    UUID org = rs.getObject("billing_org_id", UUID.class);
                    UserId before = new UserId(rs.getObject("owner_user_id", UUID.class));
                    return org == null || before.equals(owner) ? Optional.<Reset>empty()
                            : Optional.of(new Reset(new OrgId(org), before));
                })
                .optional().flatMap(found -> found);
        boolean created = Boolean.TRUE.equals(jdbc.sql("""
                INSERT INTO workspace (id, owner_user_id, name, created_at, updated_at)
                VALUES (:id, :owner, :name, :now, :now)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, owner_user_id = EXCLUDED.owner_user_id,
                    billing_target = CASE WHEN workspace.owner_user_id = EXCLUDED.owner_user_id
                                          THEN workspace.billing_target ELSE 'personal' END,
                    billing_org_id = CASE WHEN workspace.owner_user_id = EXCLUDED.owner_user_id
                                          THEN workspace.billing_org_id ELSE NULL END,
                    updated_at = EXCLUDED.updated_at
                RETURNING (xmax = 0) AS inserted""")
                .param("id", id).param("owner", owner.value()).param("name", name).param("now", Timestamp.from(now))
                .query(Boolean.class).single());
        return new Registration(created, reset);
    }

    /**
     * Registers a new workspace of {@code owner} or renames one they own: true when new, false when
     * renamed, empty when another user owns the id (it is left as it is).
     */
    public Optional<Boolean> insertOrRename(String id, UserId owner, String name, Instant now) {
        return jdbc.sql("""
                INSERT INTO workspace (id, owner_user_id, name, created_at, updated_at)
                VALUES (:id, :owner, :name, :now, :now)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
                 WHERE workspace.owner_user_id = EXCLUDED.owner_user_id
                RETURNING (xmax = 0) AS inserted""")
                .param("id", id).param("owner", owner.value()).param("name", name).param("now", Timestamp.from(now))
                .query(Boolean.class).optional();
    }

    public Optional<Workspace> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE id = :id")
                .param("id", id).query(JdbcWorkspaceRepository::map).optional();
    }

    public java.util.Map<String, Workspace> findAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(String[]::new)).query(JdbcWorkspaceRepository::map).list().stream()
                .collect(java.util.stream.Collectors.toMap(Workspace::id, w -> w));
    }

    public List<Workspace> ownedBy(UserId owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE owner_user_id = :owner ORDER BY created_at, id")
                .param("owner", owner.value()).query(JdbcWorkspaceRepository::map).list();
    }

    public void bind(String id, BillingTarget target, OrgId org, Instant now) {
        jdbc.sql("UPDATE workspace SET billing_target = :target, billing_org_id = :org, updated_at = :now WHERE id = :id")
                .param("id", id).param("target", target.json()).param("org", org == null ? null : org.value())
                .param("now", Timestamp.from(now)).update();
    }

    /** Sends workspaces billed to {@code org} back to personal; only those of {@code owner} when given. */
    public List<Workspace> resetToPersonal(OrgId org, UserId owner, Instant now) {
        return jdbc.sql("""
                UPDATE workspace SET billing_target = 'personal', billing_org_id = NULL, updated_at = :now
                 WHERE billing_org_id = :org AND (CAST(:owner AS uuid) IS NULL OR owner_user_id = :owner)
                RETURNING %s""".formatted(COLUMNS))
                .param("org", org.value()).param("owner", owner == null ? null : owner.value())
                .param("now", Timestamp.from(now))
                .query(JdbcWorkspaceRepository::map).list();
    }

    /** The owners with at least one workspace billed to {@code org}. */
    public List<UserId> ownersBilling(OrgId org) {
        return jdbc.sql("SELECT DISTINCT owner_user_id FROM workspace WHERE billing_org_id = :org")
                .param("org", org.value()).query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        UUID org = rs.getObject("billing_org_id", UUID.class);
        return new Workspace(rs.getString("id"), new UserId(rs.getObject("owner_user_id", UUID.class)), rs.getString("name"),
                BillingTarget.fromJson(rs.getString("billing_target")), org == null ? null : new OrgId(org),
                rs.getTimestamp("created_at").toInstant());
    }
}
