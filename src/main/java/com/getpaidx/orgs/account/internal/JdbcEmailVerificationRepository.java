package com.getpaidx.orgs.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.UserId;

/** The {@code email_verification} table and {@code app_user.email_verified_at}. */
@Repository
public class JdbcEmailVerificationRepository {

    private final JdbcClient jdbc;

    JdbcEmailVerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What is known of the user's current address, in one statement.
     *
     * @param verifiedAt when it was verified; empty = not (yet)
     * @param fromApp the user signs in with the GetPaidX app, which vouches for the address (its {@code email_verified})
     */
    public record Proof(String email, Optional<Instant> verifiedAt, boolean fromApp) {
    }

    public Optional<Proof> proof(UserId user) {
        return jdbc.sql("""
                SELECT email, email_verified_at,
                       EXISTS (SELECT 1 FROM app_user_identity i WHERE i.user_id = u.id) AS from_app
                  FROM app_user u WHERE id = :id""")
                .param("id", user.value())
                .query((rs, n) -> new Proof(rs.getString(1),
                        Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant), rs.getBoolean(3)))
                .optional();
    }

    /** A new link replaces the user's earlier ones: only the newest works. */
    public void replace(UserId user, String email, byte[] tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM email_verification WHERE user_id = :user").param("user", user.value()).update();
        jdbc.sql("""
                INSERT INTO email_verification (token_hash, user_id, email, created_at, expires_at)
                VALUES (:hash, :user, :email, :now, :expiresAt)""")
                .param("hash", tokenHash).param("user", user.value()).param("email", email)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /**
     * Uses the user's link, once: the row goes whether or not it still works, and the account is
     * verified only if the link is unexpired and was sent to the address the account still has. False
     * when nothing was verified. Someone else's link is left alone.
     */
    public boolean use(UserId user, byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                WITH used AS (
                    DELETE FROM email_verification WHERE token_hash = :hash AND user_id = :user
                    RETURNING user_id, email, expires_at)
                UPDATE app_user u SET email_verified_at = coalesce(u.email_verified_at, :now)
                  FROM used
                 WHERE u.id = used.user_id AND used.expires_at > :now AND lower(u.email) = lower(used.email)
                RETURNING u.id""")
                .param("hash", tokenHash).param("user", user.value()).param("now", Timestamp.from(now))
                .query(Object.class).optional().isPresent();
    }
}
