package com.getpaidx.orgs.wallet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.SignedWebhooks;
import com.getpaidx.orgs.wallet.TopUpCheckouts.Pending;
import com.getpaidx.orgs.wallet.TopUpCheckouts.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A top-up is granted by its own checkout only: the session made for it, in payment mode, paid, for the
 * package's amount and currency. Any other signed session that names it grants nothing and is audited.
 */
@IntegrationTest
class TopUpGrantIntegrationTests {

    private static final String MISMATCH = "topup.payment_mismatch";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired MutableClock clock;

    private TopUpCheckouts topUps;
    private SignedWebhooks webhooks;

    @BeforeEach
    void setUp() {
        topUps = new TopUpCheckouts(api, fixtures, jdbc);
        webhooks = new SignedWebhooks(api, environment, clock);
    }

    private String completed(Session session) {
        return webhooks.send("checkout.session.completed", session.json());
    }

    /** Nothing granted, the top-up still pending, the event processed, one mismatch audited and named. */
    private void assertRefused(Pending pending, String eventId, String sessionId) {
        assertThat(topUps.balance(pending)).isEqualTo("0");
        assertThat(topUps.status(pending)).isEqualTo("pending");
        assertThat(topUps.processed(eventId)).isTrue();
        assertThat(topUps.audited(pending, "wallet.topup_paid")).isZero();
        assertThat(topUps.audited(pending, MISMATCH)).isOne();
        assertThat(topUps.lastAudit(pending, MISMATCH)).contains(sessionId);
    }

    @Test
    void itsOwnPaidCheckoutGrantsOnce() {
        Pending pending = topUps.pending();
        Session own = Session.of(pending, TopUpCheckouts.paymentIntent());
        completed(own);
        completed(own);
        assertThat(topUps.balance(pending)).isEqualTo("1000");
        assertThat(topUps.status(pending)).isEqualTo("paid");
        assertThat(topUps.audited(pending, MISMATCH)).isZero();
    }

    @Test
    void aPaymentLinkSessionNamingTheTopUpGrantsNothing() {
        Pending pending = topUps.pending();
        Session link = Session.of(pending, TopUpCheckouts.paymentIntent()).withId("cs_test_link").withoutMetadata();
        assertRefused(pending, completed(link), "cs_test_link");
    }

    @Test
    void anotherOrgsCheckoutNamingTheTopUpGrantsNothing() {
        Pending victim = topUps.pending();
        Pending stranger = topUps.pending();
        Session strangers = Session.of(stranger, TopUpCheckouts.paymentIntent());
        Session naming = new Session(strangers.id(), "payment", "paid", victim.topUpId(), victim.topUpId(),
                stranger.org().toString(), strangers.paymentIntent(), 1000, "usd");
        assertRefused(victim, completed(naming), stranger.sessionId());
        assertThat(topUps.balance(stranger)).isEqualTo("0");
    }

    @Test
    void anotherAmountGrantsNothing() {
        Pending pending = topUps.pending();
        Session cheap = Session.of(pending, TopUpCheckouts.paymentIntent()).withAmount(1, "usd");
        String event = completed(cheap);
        assertRefused(pending, event, pending.sessionId());
        assertThat(topUps.lastAudit(pending, MISMATCH)).contains("\"amountTotalMinor\": 1", "\"expectedAmountMinor\": 1000");
    }

    @Test
    void anotherCurrencyGrantsNothing() {
        Pending pending = topUps.pending();
        Session yen = Session.of(pending, TopUpCheckouts.paymentIntent()).withAmount(1000, "jpy");
        assertRefused(pending, completed(yen), pending.sessionId());
        assertThat(topUps.lastAudit(pending, MISMATCH)).contains("JPY");
    }

    @Test
    void aSubscriptionModeSessionGrantsNothing() {
        Pending pending = topUps.pending();
        Session subscription = Session.of(pending, TopUpCheckouts.paymentIntent()).withMode("subscription");
        assertRefused(pending, completed(subscription), pending.sessionId());
    }

    @Test
    void anUnpaidCompletedSessionGrantsNothing() {
        Pending pending = topUps.pending();
        String event = completed(Session.of(pending, TopUpCheckouts.paymentIntent()).withPaymentStatus("unpaid"));
        assertThat(topUps.balance(pending)).isEqualTo("0");
        assertThat(topUps.status(pending)).isEqualTo("pending");
        assertThat(topUps.processed(event)).isTrue();
    }

    @Test
    void aStrangersSessionAfterTheGrantTakesNothingAndGrantsNothingMore() {
        Pending pending = topUps.pending();
        completed(Session.of(pending, TopUpCheckouts.paymentIntent()));
        String event = completed(Session.of(pending, TopUpCheckouts.paymentIntent()).withId("cs_test_again"));
        assertThat(topUps.balance(pending)).isEqualTo("1000");
        assertThat(topUps.processed(event)).isTrue();
        assertThat(topUps.audited(pending, MISMATCH)).isOne();
    }

    @Test
    void aStrangersExpiredSessionDoesNotExpireTheTopUp() {
        Pending pending = topUps.pending();
        String expired = Session.of(pending, null).withId("cs_test_other").json()
                .replace("\"status\":\"complete\"", "\"status\":\"expired\"").replace("\"paid\"", "\"unpaid\"");
        webhooks.send("checkout.session.expired", expired);
        assertThat(topUps.status(pending)).isEqualTo("pending");
        webhooks.send("checkout.session.expired", expired.replace("cs_test_other", pending.sessionId()));
        assertThat(topUps.status(pending)).isEqualTo("expired");
    }

    /**
     * A delayed payment (a bank debit): the checkout completes unpaid, then the payment fails. No expiry follows a
     * completed session, so the failure ends the top-up (expired, nothing granted), only its own session's failure.
     */
    @Test
    void aFailedDelayedPaymentEndsTheTopUpUnpaid() {
        Pending pending = topUps.pending();
        String unpaid = Session.of(pending, null).json().replace("\"paid\"", "\"unpaid\"");
        webhooks.send("checkout.session.completed", unpaid);
        assertThat(topUps.status(pending)).isEqualTo("pending");

        webhooks.send("checkout.session.async_payment_failed", unpaid.replace(pending.sessionId(), "cs_test_other"));
        assertThat(topUps.status(pending)).as("a stranger's failure").isEqualTo("pending");
        webhooks.send("checkout.session.async_payment_failed", unpaid);

        assertThat(topUps.status(pending)).isEqualTo("expired");
        assertThat(topUps.balance(pending)).isEqualTo("0");
        assertThat(topUps.lastAudit(pending, "wallet.topup_expired")).contains("payment_failed");
    }
}
