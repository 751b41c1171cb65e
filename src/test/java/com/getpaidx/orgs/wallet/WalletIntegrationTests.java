package com.getpaidx.orgs.wallet;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.wallet.internal.Ledger;

import static org.assertj.core.api.Assertions.assertThat;

/** Top-ups bought through the sandbox provider, granted, expired and refunded over HTTP. */
@IntegrationTest
class WalletIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;
    @Autowired TransactionTemplate transactions;

    private static String wallet(UUID org) {
        return "/api/v1/orgs/" + org + "/wallet";
    }

    private Api.Response startTopUp(UUID org, Api.User by, String packageId) {
        return api.post(wallet(org) + "/topups", by.token(), Map.of("packageId", packageId));
    }

    private static String sessionOf(Api.Response topUp) {
        String path = URI.create(topUp.text("checkoutUrl")).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private Api.Response pay(Api.Response topUp) {
        return api.post("/sandbox/api/checkout-sessions/" + sessionOf(topUp) + "/complete", null, null);
    }

    private Api.Response refund(Api.Response topUp, long amountMinor) {
        return api.post("/sandbox/api/charges/refund", null, Map.of("topUpId", topUp.text("id"), "amountMinor", amountMinor));
    }

    private String balance(UUID org, Api.User as) {
        return api.get(wallet(org), as.token()).text("balance");
    }

    private void assertLedgerHolds(UUID org) {
        long cached = jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org").param("org", org).query(Long.class).single();
        long sum = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_entry WHERE org_id = :org").param("org", org)
                .query(Long.class).single();
        assertThat(cached).isEqualTo(sum).isNotNegative();
    }

    @Test
    void thePackagesAreTheConfiguredOnes() {
        JsonNode items = api.get("/api/v1/topup-packages", api.newUser().token()).body().get("items");
        assertThat(items).extracting(p -> p.get("id").asString()).containsExactly("starter", "team", "scale");
        assertThat(items.get(0).get("credits").asString()).isEqualTo("1000");
        assertThat(items.get(0).get("price").get("amountMinor").asLong()).isEqualTo(1000);
        assertThat(items.get(0).get("price").get("currency").asString()).isEqualTo("USD");
        assertThat(items.get(1).get("credits").asString()).isEqualTo("5000");
        assertThat(items.get(2).get("price").get("amountMinor").asLong()).isEqualTo(16000);
    }

    @Test
    void aNewOrganizationHasAnEmptyWalletEveryMemberSees() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response view = api.get(wallet(roster.org()), roster.member().token());
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("orgId")).isEqualTo(roster.org().toString());
        assertThat(view.text("balance")).isEqualTo("0");
        assertThat(view.text("monthToDate")).isEqualTo("0");
        assertThat(view.body().get("paused").asBoolean()).isFalse();
        assertThat(view.body().get("lowBalanceThreshold").isNull()).isTrue();
        assertThat(api.get(wallet(roster.org()), roster.outsider().token()).code()).isEqualTo("org_not_found");
    }

    @Test
    void onlyBillingManagersBuyAndReadTransactions() {
        Fixtures.Roster roster = fixtures.roster();
        for (Api.User denied : new Api.User[] { roster.admin(), roster.member() }) {
            assertThat(startTopUp(roster.org(), denied, "starter").code()).isEqualTo("forbidden");
            assertThat(api.get(wallet(roster.org()) + "/transactions", denied.token()).code()).isEqualTo("forbidden");
            assertThat(api.get(wallet(roster.org()) + "/topups", denied.token()).code()).isEqualTo("forbidden");
        }
        assertThat(startTopUp(roster.org(), roster.owner(), "starter").status()).isEqualTo(201);
        assertThat(startTopUp(roster.org(), roster.billingAdmin(), "team").status()).isEqualTo(201);
        assertThat(api.get(wallet(roster.org()) + "/transactions", roster.billingAdmin().token()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownPackageIsAValidationError() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response response = startTopUp(roster.org(), roster.owner(), "platinum");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
    }

    @Test
    void aTopUpStartsPendingWithACheckoutAndGrantsOnlyWhenPaid() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = startTopUp(roster.org(), roster.billingAdmin(), "starter");
        assertThat(topUp.status()).isEqualTo(201);
        assertThat(topUp.text("status")).isEqualTo("pending");
        assertThat(topUp.text("packageId")).isEqualTo("starter");
        assertThat(topUp.text("credits")).isEqualTo("1000");
        assertThat(topUp.text("checkoutUrl")).contains("/sandbox/checkout/");
        assertThat(balance(roster.org(), roster.member())).isEqualTo("0");

        assertThat(pay(topUp).status()).isEqualTo(200);
        assertThat(balance(roster.org(), roster.member())).isEqualTo("1000");
        JsonNode entries = api.get(wallet(roster.org()) + "/transactions", roster.owner().token()).body().get("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("type").asString()).isEqualTo("topup");
        assertThat(entries.get(0).get("credits").asString()).isEqualTo("1000");
        assertThat(entries.get(0).get("balanceAfter").asString()).isEqualTo("1000");
        assertThat(entries.get(0).get("reference").asString()).isEqualTo("topup:" + topUp.text("id"));
        JsonNode listed = api.get(wallet(roster.org()) + "/topups", roster.owner().token()).body().get("items").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("paid");

        pay(topUp); // a second completion, and a redelivered event, change nothing
        assertThat(balance(roster.org(), roster.member())).isEqualTo("1000");
        assertLedgerHolds(roster.org());
    }

    @Autowired TopUpManagement topUpManagement;

    /** The payer is back before the webhook: the return asks the provider and grants, once. */
    @Test
    void comingBackFromCheckoutGrantsEvenIfTheWebhookIsSlow() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = startTopUp(roster.org(), roster.owner(), "starter");
        api.post("/sandbox/api/checkout-sessions/" + sessionOf(topUp) + "/complete?deliverEvent=false", null, null);
        assertThat(balance(roster.org(), roster.owner())).isEqualTo("0");

        TopUp confirmed = topUpManagement.confirmReturn(new OrgId(roster.org()),
                new com.getpaidx.orgs.shared.UserId(roster.owner().id()), UUID.fromString(topUp.text("id")));
        assertThat(confirmed.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(balance(roster.org(), roster.owner())).isEqualTo("1000");

        JsonNode events = api.get("/sandbox/api/events", null).body().get("items");
        String held = null;
        for (JsonNode event : events) {
            if (event.get("type").asString().equals("checkout.session.completed") && event.toString().contains(sessionOf(topUp))) {
                held = event.get("id").asString();
            }
        }
        assertThat(held).isNotNull();
        api.post("/sandbox/api/events/" + held + "/redeliver", null, null); // the late webhook
        assertThat(balance(roster.org(), roster.owner())).isEqualTo("1000");
        assertLedgerHolds(roster.org());
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameTopUp() {
        Fixtures.Roster roster = fixtures.roster();
        String path = wallet(roster.org()) + "/topups";
        var first = api.exchange(request(path, roster.owner(), "key-1", "starter"));
        var again = api.exchange(request(path, roster.owner(), "key-1", "starter"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.text("checkoutUrl")).isEqualTo(first.text("checkoutUrl"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        var conflict = api.exchange(request(path, roster.owner(), "key-1", "team"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("idempotency_conflict");
        assertThat(api.get(path, roster.owner().token()).body().get("items")).hasSize(1);
    }

    private java.net.http.HttpRequest request(String path, Api.User user, String key, String packageId) {
        return java.net.http.HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"packageId\":\"" + packageId + "\"}"))
                .build();
    }

    @Test
    void anExpiredCheckoutGrantsNothing() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = startTopUp(roster.org(), roster.owner(), "starter");
        api.post("/sandbox/api/checkout-sessions/" + sessionOf(topUp) + "/expire", null, null);
        JsonNode listed = api.get(wallet(roster.org()) + "/topups", roster.owner().token()).body().get("items").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("expired");
        assertThat(balance(roster.org(), roster.owner())).isEqualTo("0");
    }

    @Test
    void aRefundReversesTheRefundedShare() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = startTopUp(roster.org(), roster.owner(), "team"); // 5000 credits for 45.00
        pay(topUp);
        refund(topUp, 900); // a fifth of the price
        assertThat(balance(roster.org(), roster.owner())).isEqualTo("4000");
        refund(topUp, 3600); // the rest
        assertThat(balance(roster.org(), roster.owner())).isEqualTo("0");
        JsonNode listed = api.get(wallet(roster.org()) + "/topups", roster.owner().token()).body().get("items").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("refunded");
        JsonNode entries = api.get(wallet(roster.org()) + "/transactions", roster.owner().token()).body().get("items");
        assertThat(entries).extracting(e -> e.get("type").asString()).containsExactly("refund_reversal", "refund_reversal", "topup");
        assertThat(entries).extracting(e -> e.get("credits").asString()).containsExactly("-4000", "-1000", "5000");
        assertLedgerHolds(roster.org());
    }

    @Test
    void aRefundLargerThanTheBalanceIsClampedAndTheRestAudited() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response topUp = startTopUp(roster.org(), roster.owner(), "starter");
        pay(topUp);
        OrgId org = new OrgId(roster.org());
        // 700 credits already spent (usage arrives with its own module; an adjustment spends alike here)
        transactions.executeWithoutResult(tx -> ledger.apply(org, EntryType.ADJUSTMENT, Credits.ofWhole(-700),
                "test-spend:" + UUID.randomUUID(), "test"));
        refund(topUp, 1000);
        assertThat(balance(roster.org(), roster.owner())).isEqualTo("0");
        assertLedgerHolds(roster.org());
        JsonNode audit = api.get("/api/v1/orgs/" + roster.org() + "/audit-events", roster.owner().token()).body().get("items");
        JsonNode unrecovered = null;
        for (JsonNode event : audit) {
            if (event.get("action").asString().equals("wallet.refund_unrecovered")) {
                unrecovered = event;
            }
        }
        assertThat(unrecovered).isNotNull();
        assertThat(unrecovered.get("after").get("credits").asString()).isEqualTo("700");
        assertThat(unrecovered.get("actorUserId").isNull()).isTrue();
    }

    @Test
    void anArchivedOrgBuysNothing() {
        Fixtures.Roster roster = fixtures.roster();
        api.post("/api/v1/orgs/" + roster.org() + "/archive", roster.owner().token(), null);
        assertThat(startTopUp(roster.org(), roster.owner(), "starter").code()).isEqualTo("org_archived");
        assertThat(api.get(wallet(roster.org()), roster.member().token()).status()).isEqualTo(200);
    }
}
