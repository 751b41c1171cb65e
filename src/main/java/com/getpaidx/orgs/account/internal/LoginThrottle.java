package com.getpaidx.orgs.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.account.AccountProperties;
import com.getpaidx.orgs.account.TooManyAttempts;

/**
 * Counts failed sign-ins per email in the database (not in memory), so every instance of the
 * service refuses the same guesser.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final AccountProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public void checkAllowed(String email) {
        Integer failures = jdbc.sql("SELECT count(*) FROM login_failure WHERE email = :email AND failed_at > :since")
                .param("email", key(email)).param("since", Timestamp.from(windowStart()))
                .query(Integer.class).single();
        if (failures >= properties.loginFailureLimit()) {
            throw new TooManyAttempts();
        }
    }

    public void recordFailure(String email) {
        jdbc.sql("DELETE FROM login_failure WHERE email = :email AND failed_at <= :since")
                .param("email", key(email)).param("since", Timestamp.from(windowStart()))
                .update();
        jdbc.sql("INSERT INTO login_failure (email, failed_at) VALUES (:email, :now)")
                .param("email", key(email)).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public void clear(String email) {
        jdbc.sql("DELETE FROM login_failure WHERE email = :email").param("email", key(email)).update();
    }

    private Instant windowStart() {
        return clock.instant().minus(properties.loginFailureWindow());
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
