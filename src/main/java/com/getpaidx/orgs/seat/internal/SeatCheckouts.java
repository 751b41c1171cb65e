package com.getpaidx.orgs.seat.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.PaymentProviderUnavailable;
import com.getpaidx.orgs.shared.OrgId;

/**
 * The seat checkouts an org started. A new one expires the earlier ones still open at the provider, so a
 * second tab's checkout cannot be paid too. The new one is recorded first and expires only those recorded
 * before it: of two checkouts started at once, the later stays payable. Runs outside any transaction (each
 * statement commits by itself), since the provider is called in between.
 */
@Component
public class SeatCheckouts {

    private static final Logger log = LoggerFactory.getLogger(SeatCheckouts.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    SeatCheckouts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records {@code sessionId} as the org's newest checkout and expires the org's earlier open ones. */
    public void started(OrgId org, String sessionId, PaymentProvider provider) {
        long id = jdbc.sql("""
                INSERT INTO seat_checkout (session_id, org_id, started_at) VALUES (:session, :org, :now)
                RETURNING id""")
                .param("session", sessionId).param("org", org.value()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        List<String> earlier = jdbc.sql("""
                SELECT session_id FROM seat_checkout WHERE org_id = :org AND closed_at IS NULL AND id < :id ORDER BY id""")
                .param("org", org.value()).param("id", id).query(String.class).list();
        for (String session : earlier) {
            expire(org, session, sessionId, provider);
        }
    }

    private void expire(OrgId org, String session, String replacedBy, PaymentProvider provider) {
        Optional<CheckoutState> state;
        try {
            state = provider.expireCheckout(session);
        }
        catch (PaymentProviderUnavailable ex) {
            // it stays open for now; if it is paid as well, its subscription counts as a duplicate
            log.warn("Seat checkout {} of org {} could not be expired ({}); the next checkout tries again", session,
                    org, ex.getMessage());
            return;
        }
        jdbc.sql("UPDATE seat_checkout SET closed_at = :now WHERE session_id = :session")
                .param("session", session).param("now", Timestamp.from(clock.instant())).update();
        log.info("Seat checkout {} of org {} replaced by {}: now {}", session, org, replacedBy,
                state.map(CheckoutState::status).orElse("unknown to the provider"));
    }
}
