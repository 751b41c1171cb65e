package com.getpaidx.orgs.invitation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.invitation.Invitation;
import com.getpaidx.orgs.invitation.InvitationStatus;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

@Repository
public class JdbcInvitationRepository {

    private static final String COLUMNS = """
            id, org_id, email, role, status, expires_at, invited_by, invited_by_name, created_at""";

    private final JdbcClient jdbc;

    JdbcInvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the address's pending invitations that ran out as expired, so a new one may take their place. */
    public void expireLapsed(OrgId org, String email, Instant now) {
        jdbc.sql("""
                UPDATE invitation SET status = 'expired'
                 WHERE org_id = :org AND lower(email) = :key AND status = 'pending' AND expires_at <= :now""")
                .param("org", org.value()).param("key", EmailAddresses.key(email)).param("now", Timestamp.from(now))
                .update();
    }

    /** False when the address already has a live pending invitation (the partial unique index decides). */
    public boolean insert(UUID id, OrgId org, String email, Role role, byte[] tokenHash, UserId invitedBy,
            String invitedByName, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO invitation (id, org_id, email, role, status, token_hash, invited_by, invited_by_name,
                                        created_at, expires_at)
                VALUES (:id, :org, :email, :role, 'pending', :hash, :invitedBy, :invitedByName, :now, :expiresAt)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("org", org.value()).param("email", email).param("role", role.json())
                .param("hash", tokenHash).param("invitedBy", invitedBy.value()).param("invitedByName", invitedByName)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    public Optional<Invitation> lock(OrgId org, UUID id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", org.value()).param("id", id)
                .query((rs, n) -> map(rs, now)).optional();
    }

    /** Locks the invitation behind a token: concurrent accepts of one token take turns here. */
    public Optional<Invitation> lockByToken(byte[] tokenHash, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE token_hash = :hash FOR UPDATE")
                .param("hash", tokenHash)
                .query((rs, n) -> map(rs, now)).optional();
    }

    public Optional<Invitation> findByToken(byte[] tokenHash, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> map(rs, now)).optional();
    }

    public Optional<Invitation> find(OrgId org, UUID id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE org_id = :org AND id = :id")
                .param("org", org.value()).param("id", id)
                .query((rs, n) -> map(rs, now)).optional();
    }

    /**
     * A fresh token and expiry; the old token stops matching anything. False when the address has
     * meanwhile received another live invitation.
     */
    public boolean reissue(UUID id, byte[] tokenHash, Instant expiresAt) {
        try {
            return jdbc.sql("""
                    UPDATE invitation SET token_hash = :hash, expires_at = :expiresAt, status = 'pending'
                     WHERE id = :id""")
                    .param("id", id).param("hash", tokenHash).param("expiresAt", Timestamp.from(expiresAt))
                    .update() == 1;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void revoke(UUID id, Instant now) {
        jdbc.sql("UPDATE invitation SET status = 'revoked', revoked_at = :now WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    public void accept(UUID id, UserId user, Instant now) {
        jdbc.sql("UPDATE invitation SET status = 'accepted', accepted_by = :user, accepted_at = :now WHERE id = :id")
                .param("id", id).param("user", user.value()).param("now", Timestamp.from(now)).update();
    }

    /** Newest first; {@code status} filters on what the invitation is now, expiry included. */
    public List<Invitation> page(OrgId org, InvitationStatus status, PageRequest request, Instant now) {
        return jdbc.sql("""
                SELECT %s FROM invitation
                 WHERE org_id = :org
                   AND (CAST(:status AS text) IS NULL OR
                        CASE WHEN status = 'pending' AND expires_at <= :now THEN 'expired' ELSE status END = :status)
                   AND (CAST(:afterTime AS timestamptz) IS NULL
                        OR (created_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit""".formatted(COLUMNS))
                .param("org", org.value()).param("status", status == null ? null : status.json())
                .param("now", Timestamp.from(now))
                .param("afterTime", request.afterTime() == null ? null : Timestamp.from(request.afterTime()))
                .param("afterId", request.afterId())
                .param("limit", request.fetchSize())
                .query((rs, n) -> map(rs, now)).list();
    }

    private static Invitation map(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
        return new Invitation(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
                rs.getString("email"), Role.fromJson(rs.getString("role")),
                InvitationStatus.effective(rs.getString("status"), expiresAt, now), expiresAt,
                new UserId(rs.getObject("invited_by", UUID.class)), rs.getString("invited_by_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
