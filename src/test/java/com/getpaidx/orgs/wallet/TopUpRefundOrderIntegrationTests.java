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
 * Stripe sends events in no set order: a refund may arrive before the grant it takes back. It waits in the
 * inbox until the grant exists, so any order of {completed, refunded} ends at granted − refunded.
 */
@IntegrationTest
class TopUpRefundOrderIntegrationTests {

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

    private String completed(Pending pending, String paymentIntent) {
        return webhooks.send("checkout.session.completed", Session.of(pending, paymentIntent).json());
    }

    private String refunded(Pending pending, String paymentIntent, long refundedMinor) {
        return webhooks.send("charge.refunded", TopUpCheckouts.refundedCharge(pending, paymentIntent, 1000, refundedMinor));
    }

    @Test
    void aPartialRefundAfterTheGrantTakesItsShare() {
        Pending pending = topUps.pending();
        String intent = TopUpCheckouts.paymentIntent();
        completed(pending, intent);
        refunded(pending, intent, 250);
        assertThat(topUps.balance(pending)).isEqualTo("750");
        assertThat(topUps.status(pending)).isEqualTo("paid");
    }

    @Test
    void aPartialRefundBeforeTheGrantWaitsAndIsTakenWhenTheGrantArrives() {
        Pending pending = topUps.pending();
        String intent = TopUpCheckouts.paymentIntent();
        String refund = refunded(pending, intent, 250);
        assertThat(topUps.processed(refund)).as("the refund waits in the inbox").isFalse();
        assertThat(topUps.balance(pending)).isEqualTo("0");

        completed(pending, intent);

        assertThat(topUps.processed(refund)).isTrue();
        assertThat(topUps.balance(pending)).isEqualTo("750");
        assertThat(topUps.audited(pending, "wallet.topup_refunded")).isOne();
    }

    @Test
    void aFullRefundBeforeTheGrantEndsRefundedWithNothingLeft() {
        Pending pending = topUps.pending();
        String intent = TopUpCheckouts.paymentIntent();
        refunded(pending, intent, 1000);
        completed(pending, intent);
        assertThat(topUps.balance(pending)).isEqualTo("0");
        assertThat(topUps.status(pending)).isEqualTo("refunded");
        assertThat(topUps.audited(pending, "wallet.refund_unrecovered")).isZero();
    }

    @Test
    void twoRefundsBeforeTheGrantEndAtTheirCumulativeTotalInEitherOrder() {
        Pending pending = topUps.pending();
        String intent = TopUpCheckouts.paymentIntent();
        refunded(pending, intent, 600);
        refunded(pending, intent, 250); // older, smaller cumulative total, delivered late
        completed(pending, intent);
        assertThat(topUps.balance(pending)).isEqualTo("400");
    }

    @Test
    void aRefundClaimingMoreThanWasPaidTakesNoMoreThanTheGrant() {
        Pending pending = topUps.pending();
        String intent = TopUpCheckouts.paymentIntent();
        webhooks.send("charge.refunded", TopUpCheckouts.refundedCharge(pending, intent, 5000, 5000));
        completed(pending, intent);
        assertThat(topUps.balance(pending)).isEqualTo("0");
        assertThat(topUps.status(pending)).isEqualTo("refunded");
    }

    @Test
    void aRefundOfAnotherPaymentNamingTheTopUpTakesNothingFromItsGrant() {
        Pending pending = topUps.pending();
        String refund = refunded(pending, TopUpCheckouts.paymentIntent(), 1000);
        completed(pending, TopUpCheckouts.paymentIntent());
        assertThat(topUps.balance(pending)).isEqualTo("1000");
        assertThat(topUps.processed(refund)).as("settled: the grant came from another payment").isTrue();
    }

    @Test
    void aRefundOfATopUpThatExpiredIsSettledWithoutChange() {
        Pending pending = topUps.pending();
        String refund = refunded(pending, TopUpCheckouts.paymentIntent(), 1000);
        String expired = Session.of(pending, null).json()
                .replace("\"status\":\"complete\"", "\"status\":\"expired\"").replace("\"paid\"", "\"unpaid\"");
        webhooks.send("checkout.session.expired", expired);
        assertThat(topUps.status(pending)).isEqualTo("expired");
        assertThat(topUps.processed(refund)).isTrue();
        assertThat(topUps.balance(pending)).isEqualTo("0");
    }

    @Test
    void aRefundOfAChargeThatIsNoTopUpIsAcknowledgedAndIgnored() {
        Pending pending = topUps.pending();
        String charge = """
                {"id":"ch_test_other","object":"charge","amount":1200,"amount_refunded":1200,"currency":"usd",
                 "payment_intent":"%s","refunded":true,"metadata":{}}""".formatted(TopUpCheckouts.paymentIntent());
        assertThat(topUps.processed(webhooks.send("charge.refunded", charge))).isTrue();
        assertThat(topUps.status(pending)).isEqualTo("pending");
    }
}
