package com.getpaidx.orgs.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.account.AccountProperties;
import com.getpaidx.orgs.shared.EmailAddresses;

/**
 * Counts sign-in attempts per email in the database (not in memory), so every instance of the
 * service refuses the same guesser. An attempt is reserved before its password is checked and stays
 * counted unless it succeeds: of any number of parallel guesses, at most the limit reach bcrypt.
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

    /**
     * Takes one attempt for the email, atomically: false when the window already holds the limit. The
     * upsert locks the email's row, so concurrent reservations queue up and each sees the others'.
     */
    public boolean reserve(String email) {
        Instant now = clock.instant();
        return jdbc.sql("""
                INSERT INTO login_attempt AS a (email, attempts) VALUES (:email, ARRAY[CAST(:now AS timestamptz)])
                ON CONFLICT (email) DO UPDATE
                   SET attempts = array_append(ARRAY(SELECT t FROM unnest(a.attempts) t WHERE t > :since),
                                               CAST(:now AS timestamptz))
                 WHERE (SELECT count(*) FROM unnest(a.attempts) t WHERE t > :since) < :limit
                RETURNING a.email""")
                .param("email", EmailAddresses.key(email)).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(properties.loginFailureWindow())))
                .param("limit", properties.loginFailureLimit())
                .query(String.class).optional().isPresent();
    }

    /** A successful sign-in forgets the email's attempts. */
    public void clear(String email) {
        jdbc.sql("DELETE FROM login_attempt WHERE email = :email").param("email", EmailAddresses.key(email)).update();
    }
}
