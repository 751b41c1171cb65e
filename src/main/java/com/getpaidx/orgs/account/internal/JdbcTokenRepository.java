package com.getpaidx.orgs.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.UserId;

@Repository
public class JdbcTokenRepository {

    public record ActiveToken(UUID tokenId, CurrentUser user) {
    }

    private final JdbcClient jdbc;

    JdbcTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UserId user, byte[] hash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, token_hash, created_at, expires_at)
                VALUES (:id, :user, :hash, :now, :expiresAt)""")
                .param("id", id).param("user", user.value()).param("hash", hash)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** The token's user, if the token exists, is not revoked and has not expired at {@code now}. */
    public Optional<ActiveToken> findActive(byte[] hash, Instant now) {
        return jdbc.sql("""
                SELECT t.id AS token_id, u.id AS user_id, u.email, u.display_name
                  FROM api_token t JOIN app_user u ON u.id = t.user_id
                 WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now""")
                .param("hash", hash).param("now", Timestamp.from(now))
                .query((rs, n) -> new ActiveToken(rs.getObject("token_id", UUID.class),
                        new CurrentUser(new UserId(rs.getObject("user_id", UUID.class)), rs.getString("email"),
                                rs.getString("display_name"))))
                .optional();
    }

    public void revoke(UUID id, Instant now) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("now", Timestamp.from(now))
                .update();
    }
}
