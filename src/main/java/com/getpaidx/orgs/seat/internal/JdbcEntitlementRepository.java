package com.getpaidx.orgs.seat.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.UserId;

/** Whether each user had Pro when it was last computed; the row doubles as the user's lock. */
@Repository
class JdbcEntitlementRepository {

    private final JdbcClient jdbc;

    JdbcEntitlementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the user's row (a user never seen had no Pro) and returns what it says. */
    boolean lockPro(UserId user, Instant now) {
        jdbc.sql("""
                INSERT INTO seat_entitlement (user_id, pro, changed_at) VALUES (:user, false, :now)
                ON CONFLICT DO NOTHING""")
                .param("user", user.value()).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT pro FROM seat_entitlement WHERE user_id = :user FOR UPDATE")
                .param("user", user.value()).query(Boolean.class).single();
    }

    void setPro(UserId user, boolean pro, Instant now) {
        jdbc.sql("UPDATE seat_entitlement SET pro = :pro, changed_at = :now WHERE user_id = :user")
                .param("user", user.value()).param("pro", pro).param("now", Timestamp.from(now)).update();
    }
}
