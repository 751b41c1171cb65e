package com.getpaidx.orgs.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.UserId;

/** Links between the app's identities ({@code iss}, {@code sub}) and local users, and what such users start with. */
@Repository
class JdbcIdentityRepository {

    private final JdbcClient jdbc;

    JdbcIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserId> find(String issuer, String subject) {
        return jdbc.sql("SELECT user_id FROM app_user_identity WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer).param("subject", subject)
                .query((rs, n) -> new UserId(rs.getObject("user_id", UUID.class)))
                .optional();
    }

    /**
     * A user without a password. False when the email is taken (the unique index on lower(email) decides; a
     * concurrent first sign-in of the same person waits here for the other to commit, then sees its link).
     */
    boolean insertUser(UserId id, String email, String displayName, @Nullable Instant verifiedAt, Instant now) {
        return jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, created_at, email_verified_at)
                VALUES (:id, :email, :name, NULL, :now, :verifiedAt)
                ON CONFLICT DO NOTHING""")
                .param("id", id.value()).param("email", email).param("name", displayName)
                .param("now", Timestamp.from(now))
                .param("verifiedAt", verifiedAt == null ? null : Timestamp.from(verifiedAt), java.sql.Types.TIMESTAMP)
                .update() == 1;
    }

    void link(String issuer, String subject, UserId user, Instant now) {
        jdbc.sql("""
                INSERT INTO app_user_identity (issuer, subject, user_id, created_at)
                VALUES (:issuer, :subject, :user, :now)""")
                .param("issuer", issuer).param("subject", subject).param("user", user.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Takes the app's current email and name. The verification is kept while the address stays the same, set
     * when the app says it is verified, and cleared when an address the app has not verified replaces it.
     * Throws {@link org.springframework.dao.DuplicateKeyException} when the new address is another user's.
     */
    void refresh(UserId user, String email, boolean verified, String displayName, Instant now) {
        jdbc.sql("""
                UPDATE app_user
                   SET email_verified_at = CASE
                         WHEN lower(email) = :key
                           THEN coalesce(email_verified_at, CASE WHEN CAST(:verified AS boolean) THEN CAST(:now AS timestamptz) END)
                         WHEN CAST(:verified AS boolean) THEN CAST(:now AS timestamptz) END,
                       email = :email, display_name = :name
                 WHERE id = :id
                   AND (email IS DISTINCT FROM :email OR display_name IS DISTINCT FROM :name
                        OR (email_verified_at IS NULL AND CAST(:verified AS boolean)))""")
                .param("id", user.value()).param("email", email).param("key", EmailAddresses.key(email))
                .param("verified", verified).param("name", displayName).param("now", Timestamp.from(now))
                .update();
    }
}
