package com.getpaidx.orgs.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.account.UserSummary;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.UserId;

@Repository
public class JdbcUserRepository {

    public record StoredUser(UserId id, String email, String displayName, String passwordHash) {

        public CurrentUser asCurrentUser() {
            return new CurrentUser(id, email, displayName);
        }

        public UserSummary asSummary() {
            return new UserSummary(id, email, displayName);
        }
    }

    private final JdbcClient jdbc;

    JdbcUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the email is taken, case-insensitively (the unique index on lower(email) decides). */
    public boolean insert(UserId id, String email, String displayName, String passwordHash, Instant now) {
        return jdbc.sql("""
                INSERT INTO app_user (id, email, display_name, password_hash, created_at)
                VALUES (:id, :email, :displayName, :hash, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", id.value()).param("email", email).param("displayName", displayName)
                .param("hash", passwordHash).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** By {@link EmailAddresses#key}, which is what {@code lower(email)} (the unique index) holds for every stored address. */
    public Optional<StoredUser> findByEmail(String email) {
        return jdbc.sql("""
                SELECT id, email, display_name, password_hash FROM app_user
                 WHERE lower(email) = :key""")
                .param("key", EmailAddresses.key(email))
                .query((rs, n) -> new StoredUser(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("password_hash")))
                .optional();
    }

    public Optional<StoredUser> findById(UserId id) {
        return jdbc.sql("SELECT id, email, display_name, password_hash FROM app_user WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new StoredUser(id, rs.getString("email"), rs.getString("display_name"),
                        rs.getString("password_hash")))
                .optional();
    }

    public Map<UserId, UserSummary> summaries(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, email, display_name FROM app_user WHERE id = ANY(:ids)")
                .param("ids", ids.stream().map(UserId::value).toArray(UUID[]::new))
                .query((rs, n) -> new UserSummary(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                        rs.getString("display_name")))
                .list().stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }
}
