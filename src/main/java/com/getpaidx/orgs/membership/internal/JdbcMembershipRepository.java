package com.getpaidx.orgs.membership.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

@Repository
public class JdbcMembershipRepository {

    public record MembershipRow(OrgId orgId, UserId userId, Role role, Instant joinedAt) {
    }

    public record MyOrganizationRow(OrgId orgId, Role role, Instant joinedAt, int memberCount) {
    }

    private final JdbcClient jdbc;

    JdbcMembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the user already is a member (the primary key decides). */
    public boolean insert(OrgId org, UserId user, Role role, Instant now) {
        return jdbc.sql("""
                INSERT INTO membership (org_id, user_id, role, joined_at) VALUES (:org, :user, :role, :now)
                ON CONFLICT DO NOTHING""")
                .param("org", org.value()).param("user", user.value()).param("role", role.json())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public Optional<Role> roleOf(OrgId org, UserId user) {
        return role(org, user, "");
    }

    /** The member's role, read with {@code lock} (empty, or a row-locking clause) appended. */
    private Optional<Role> role(OrgId org, UserId user, String lock) {
        return jdbc.sql("SELECT role FROM membership WHERE org_id = :org AND user_id = :user" + lock)
                .param("org", org.value()).param("user", user.value())
                .query((rs, n) -> Role.fromJson(rs.getString("role"))).optional();
    }

    /**
     * Locks every owner row of the org, always in the same order, so two concurrent demotions or
     * removals of owners take turns and the second sees the first's result.
     */
    public List<UserId> lockOwners(OrgId org) {
        return jdbc.sql("""
                SELECT user_id FROM membership WHERE org_id = :org AND role = 'owner'
                 ORDER BY user_id FOR UPDATE""")
                .param("org", org.value())
                .query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class))).list();
    }

    public Optional<Role> lockMember(OrgId org, UserId user) {
        return role(org, user, " FOR UPDATE");
    }

    /** The role, with a shared lock on the row: a removal or a role change (FOR UPDATE) waits for the caller's commit. */
    public Optional<Role> lockMemberForShare(OrgId org, UserId user) {
        return role(org, user, " FOR SHARE");
    }

    public void updateRole(OrgId org, UserId user, Role role) {
        jdbc.sql("UPDATE membership SET role = :role WHERE org_id = :org AND user_id = :user")
                .param("org", org.value()).param("user", user.value()).param("role", role.json()).update();
    }

    public void delete(OrgId org, UserId user) {
        jdbc.sql("DELETE FROM membership WHERE org_id = :org AND user_id = :user")
                .param("org", org.value()).param("user", user.value()).update();
    }

    public int count(OrgId org) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE org_id = :org")
                .param("org", org.value()).query(Integer.class).single();
    }

    public Optional<MembershipRow> find(OrgId org, UserId user) {
        return jdbc.sql("SELECT org_id, user_id, role, joined_at FROM membership WHERE org_id = :org AND user_id = :user")
                .param("org", org.value()).param("user", user.value())
                .query((rs, n) -> new MembershipRow(org, user, Role.fromJson(rs.getString("role")),
                        rs.getTimestamp("joined_at").toInstant()))
                .optional();
    }

    /** Members in the order they joined. */
    public List<MembershipRow> page(OrgId org, PageRequest request) {
        return jdbc.sql("""
                SELECT user_id, role, joined_at FROM membership
                 WHERE org_id = :org
                   AND (CAST(:afterTime AS timestamptz) IS NULL
                        OR (joined_at, user_id) > (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY joined_at, user_id
                 LIMIT :limit""")
                .param("org", org.value())
                .param("afterTime", timestamp(request.afterTime())).param("afterId", request.afterId())
                .param("limit", request.fetchSize())
                .query((rs, n) -> new MembershipRow(org, new UserId(rs.getObject("user_id", UUID.class)),
                        Role.fromJson(rs.getString("role")), rs.getTimestamp("joined_at").toInstant()))
                .list();
    }

    /** The page before {@code before} in the same order (fetched backwards, returned forwards). */
    public List<MembershipRow> pageBefore(OrgId org, Cursor.Position before, int limit) {
        return jdbc.sql("""
                SELECT user_id, role, joined_at FROM membership
                 WHERE org_id = :org
                   AND (joined_at, user_id) < (CAST(:beforeTime AS timestamptz), CAST(:beforeId AS uuid))
                 ORDER BY joined_at DESC, user_id DESC
                 LIMIT :limit""")
                .param("org", org.value())
                .param("beforeTime", timestamp(before.time())).param("beforeId", before.id())
                .param("limit", limit)
                .query((rs, n) -> new MembershipRow(org, new UserId(rs.getObject("user_id", UUID.class)),
                        Role.fromJson(rs.getString("role")), rs.getTimestamp("joined_at").toInstant()))
                .list().reversed();
    }

    /** Every member holding one of {@code roles}, in join order: no page, a notice goes to all of them. */
    public List<MembershipRow> withRoles(OrgId org, Collection<Role> roles) {
        return jdbc.sql("""
                SELECT user_id, role, joined_at FROM membership
                 WHERE org_id = :org AND role IN (:roles)
                 ORDER BY joined_at, user_id""")
                .param("org", org.value()).param("roles", roles.stream().map(Role::json).toList())
                .query((rs, n) -> new MembershipRow(org, new UserId(rs.getObject("user_id", UUID.class)),
                        Role.fromJson(rs.getString("role")), rs.getTimestamp("joined_at").toInstant()))
                .list();
    }

    /** The user's organizations in the order they joined them, each with its member count. */
    public List<MyOrganizationRow> organizationsOf(UserId user, PageRequest request) {
        return jdbc.sql("""
                SELECT m.org_id, m.role, m.joined_at,
                       (SELECT count(*) FROM membership c WHERE c.org_id = m.org_id) AS member_count
                  FROM membership m
                 WHERE m.user_id = :user
                   AND (CAST(:afterTime AS timestamptz) IS NULL
                        OR (m.joined_at, m.org_id) > (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY m.joined_at, m.org_id
                 LIMIT :limit""")
                .param("user", user.value())
                .param("afterTime", timestamp(request.afterTime())).param("afterId", request.afterId())
                .param("limit", request.fetchSize())
                .query((rs, n) -> new MyOrganizationRow(new OrgId(rs.getObject("org_id", UUID.class)),
                        Role.fromJson(rs.getString("role")), rs.getTimestamp("joined_at").toInstant(),
                        rs.getInt("member_count")))
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
