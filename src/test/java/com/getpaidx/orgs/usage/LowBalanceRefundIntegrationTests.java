package com.getpaidx.orgs.usage;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestEventReceiver;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund's reversal is a debit too: the one that takes the balance from at or above the low-balance threshold
 * to below it alerts the billing managers as a charge does (audited, mailed, wallet.low_balance to the app), and
 * one that stays at or above it, or crosses no threshold, does not. Until stop 36 only usage charges alerted, and
 * a refund below the line left the alert silent until a top-up re-armed it.
 */
@IntegrationTest
class LowBalanceRefundIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TestEventReceiver receiver;
    @Autowired TestMailServer mail;

    @Test
    void theRefundThatCrossesTheThresholdAlertsOnce() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = paidTeamTopUp(roster); // 5000 credits for 45.00
        threshold(roster, "4000");

        refund(topUp, 900); // a fifth: 4000 left, not below 4000
        assertThat(balance(roster)).isEqualTo("4000");
        assertThat(alerts(roster.org())).isZero();

        refund(topUp, 450); // 13.50 refunded in all, three tenths: 3500 left, below
        assertThat(balance(roster)).isEqualTo("3500");
        assertThat(alerts(roster.org())).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT after ->> 'balance', after ->> 'threshold', after ->> 'notified' FROM audit_event
                 WHERE org_id = :org AND action = 'wallet.low_balance'""")
                .param("org", roster.org()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                .single()).isEqualTo("3500 4000 2"); // mailed to the owner and the billing admin
        assertThat(mail.awaitMessagesTo(roster.billingAdmin().email(), 1)).hasSize(1);
        JsonNode event = receiver.awaitEvent(roster.org().toString(), "wallet.low_balance").path("data");
        assertThat(event.path("balance").asString()).isEqualTo("3500");

        refund(topUp, 900); // further below (22.50 in all): alerted already
        assertThat(balance(roster)).isEqualTo("2500");
        assertThat(alerts(roster.org())).isEqualTo(1);
    }

    @Test
    void withoutAThresholdARefundAlertsNobody() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = paidTeamTopUp(roster);
        refund(topUp, 4500);
        assertThat(balance(roster)).isEqualTo("0");
        assertThat(alerts(roster.org())).isZero();
    }

    private Api.Response paidTeamTopUp(Fixtures.Roster roster) {
        Api.Response topUp = api.post("/api/v1/orgs/" + roster.org() + "/wallet/topups", roster.owner().token(),
                Map.of("packageId", "team"));
        String path = URI.create(topUp.text("checkoutUrl")).getPath();
        api.post("/sandbox/api/checkout-sessions/" + path.substring(path.lastIndexOf('/') + 1) + "/complete", null, null);
        assertThat(balance(roster)).isEqualTo("5000");
        return topUp;
    }

    private void threshold(Fixtures.Roster roster, String credits) {
        var policy = UsageTraffic.policy("all_members", null, false, credits);
        assertThat(api.put("/api/v1/orgs/" + roster.org() + "/spend-policy", roster.owner().token(), policy).status())
                .isEqualTo(200);
    }

    /** Refunds {@code amountMinor} more of the top-up's price (Stripe's event then carries the total refunded). */
    private void refund(Api.Response topUp, long amountMinor) {
        assertThat(api.post("/sandbox/api/charges/refund", null, Map.of("topUpId", topUp.text("id"), "amountMinor",
                amountMinor)).status()).isBetween(200, 299);
    }

    private String balance(Fixtures.Roster roster) {
        return api.get("/api/v1/orgs/" + roster.org() + "/wallet", roster.owner().token()).text("balance");
    }

    private long alerts(UUID org) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = :org AND action = 'wallet.low_balance'")
                .param("org", org).query(Long.class).single();
    }
}
