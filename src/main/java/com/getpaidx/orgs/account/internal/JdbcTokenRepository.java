package com.getpaidx.orgs.account.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.account.ApiToken;
import com.getpaidx.orgs.shared.ApiScope;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.UserId;

@Repository
public class JdbcTokenRepository {

    /** @param lastUsedAt as stored: the filter refreshes it when it is a minute old */
    public record ActiveToken(UUID tokenId, CurrentUser user, Set<ApiScope> scopes, @Nullable Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    JdbcTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UserId user, byte[] hash, Set<ApiScope> scopes, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, token_hash, scopes, created_at, expires_at)
                VALUES (:id, :user, :hash, string_to_array(:scopes, ' '), :now, :expiresAt)""")
                .param("id", id).param("user", user.value()).param("hash", hash)
                .param("scopes", String.join(" ", scopes.stream().map(ApiScope::json).toList()))
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** The token's user, if the token exists, is not revoked and has not expired at {@code now}. */
    public Optional<ActiveToken> findActive(byte[] hash, Instant now) {
        return jdbc.sql("""
                SELECT t.id AS token_id, t.scopes, t.last_used_at, u.id AS user_id, u.email, u.display_name
                  FROM api_token t JOIN app_user u ON u.id = t.user_id
                 WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now""")
                .param("hash", hash).param("now", Timestamp.from(now))
                .query((rs, n) -> new ActiveToken(rs.getObject("token_id", UUID.class),
                        new CurrentUser(new UserId(rs.getObject("user_id", UUID.class)), rs.getString("email"),
                                rs.getString("display_name")), scopes(rs.getArray("scopes")),
                        instant(rs.getTimestamp("last_used_at"))))
                .optional();
    }

    /** Records a use unless one at or after {@code notBefore} is recorded already (by any instance). */
    public void touch(UUID id, Instant now, Instant notBefore) {
        jdbc.sql("""
                UPDATE api_token SET last_used_at = :now
                 WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)""")
                .param("id", id).param("now", Timestamp.from(now)).param("notBefore", Timestamp.from(notBefore))
                .update();
    }

    /** The user's tokens that still work at {@code now}, newest first. */
    public List<ApiToken> activeOf(UserId user, Instant now) {
        return jdbc.sql("""
                SELECT id, scopes, created_at, last_used_at, expires_at FROM api_token
                 WHERE user_id = :user AND revoked_at IS NULL AND expires_at > :now
                 ORDER BY created_at DESC, id DESC""")
                .param("user", user.value()).param("now", Timestamp.from(now))
                .query((rs, n) -> new ApiToken(rs.getObject("id", UUID.class), List.copyOf(scopes(rs.getArray("scopes"))),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    public void revoke(UUID id, Instant now) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("now", Timestamp.from(now))
                .update();
    }

    /** Revokes the user's own token; false when they have no working token with this id. */
    public boolean revokeOwn(UserId user, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = :now
                 WHERE id = :id AND user_id = :user AND revoked_at IS NULL AND expires_at > :now""")
                .param("id", id).param("user", user.value()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static Set<ApiScope> scopes(Array array) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (Object scope : (Object[]) array.getArray()) {
            scopes.add(ApiScope.fromJson((String) scope));
        }
        return scopes;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
