package com.getpaidx.orgs.usage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestMailServer;
import com.getpaidx.orgs.usage.UsageTraffic.Billed;

import static com.getpaidx.orgs.usage.UsageTraffic.event;
import static com.getpaidx.orgs.usage.UsageTraffic.assertProblem;
import static com.getpaidx.orgs.usage.UsageTraffic.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class UsageIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;
    @Autowired TestMailServer mail;

    private UsageTraffic traffic;

    @org.junit.jupiter.api.BeforeEach
    void traffic() {
        traffic = new UsageTraffic(api, fixtures, funding);
    }

    @Test
    void anAcceptedEventChargesTheWalletAndIsRecorded() {
        Billed billed = traffic.billed("100");
        String id = "evt-" + UUID.randomUUID();
        Api.Response accepted = traffic.report(event(id, billed.workspace(), billed.roster().member().id(), "12.5"));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.text("eventId")).isEqualTo(id);
        assertThat(accepted.text("orgId")).isEqualTo(billed.org().toString());
        assertThat(accepted.text("credits")).isEqualTo("12.5");
        assertThat(accepted.text("balanceAfter")).isEqualTo("87.5");
        assertThat(traffic.balance(billed)).isEqualTo("87.5");

        JsonNode wallet = api.get("/api/v1/orgs/" + billed.org() + "/wallet", billed.roster().member().token()).body();
        assertThat(wallet.get("monthToDate").asString()).isEqualTo("12.5");
        JsonNode entry = api.get("/api/v1/orgs/" + billed.org() + "/wallet/transactions", billed.roster().owner().token())
                .body().get("items").get(0);
        assertThat(entry.get("type").asString()).isEqualTo("usage");
        assertThat(entry.get("credits").asString()).isEqualTo("-12.5");
        JsonNode listed = api.get("/api/v1/orgs/" + billed.org() + "/usage-events", billed.roster().owner().token())
                .body().get("items").get(0);
        assertThat(listed.get("eventId").asString()).isEqualTo(id);
        assertThat(listed.get("payerUserId").asString()).isEqualTo(billed.roster().member().id().toString());
        assertThat(listed.get("kind").asString()).isEqualTo("chat");
    }

    @Test
    void theSameEventAgainReturnsTheOriginalResultEvenAfterTheBindingChanged() {
        Billed billed = traffic.billed("100");
        Map<String, Object> event = event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "10");
        Api.Response first = traffic.report(event);
        traffic.bind(billed.roster().member(), billed.workspace(), null);
        Api.Response again = traffic.report(event);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.text("balanceAfter")).isEqualTo(first.text("balanceAfter"));
        assertThat(again.text("orgId")).isEqualTo(billed.org().toString());
        assertThat(traffic.balance(billed)).isEqualTo("90");

        event.put("credits", "11");
        assertProblem(traffic.report(event), 409, "idempotency_conflict");
    }

    @Test
    void aPersonalWorkspaceIsNotOrgBilled() {
        Billed billed = traffic.billed("100");
        traffic.bind(billed.roster().member(), billed.workspace(), null);
        assertProblem(traffic.charge(billed, "1"), 422, "not_org_billed");
        assertProblem(traffic.report(event("evt-" + UUID.randomUUID(), "no-such-workspace", billed.roster().member().id(), "1")),
                404, "workspace_not_found");
    }

    @Test
    void aPausedPolicyRefusesCharges() {
        Billed billed = traffic.billed("100");
        assertThat(traffic.putPolicy(billed, policy("all_members", null, true, null)).status()).isEqualTo(200);
        assertProblem(traffic.charge(billed, "1"), 403, "billing_paused");
        assertThat(traffic.balance(billed)).isEqualTo("100");
        JsonNode billing = api.get("/api/v1/workspaces/" + billed.workspace() + "/billing", api.serviceToken()).body();
        assertThat(billing.get("eligible").asBoolean()).isFalse();
        assertThat(billing.get("reasons")).extracting(JsonNode::asString).containsExactly("billing_paused");
    }

    @Test
    void theMonthlyLimitCapsEachMember() {
        Billed billed = traffic.billed("100");
        traffic.putPolicy(billed, policy("all_members", "10", false, null));
        assertThat(traffic.charge(billed, "6").status()).isEqualTo(201);
        assertProblem(traffic.charge(billed, "4.000001"), 403, "member_limit_reached");
        assertThat(traffic.charge(billed, "4").status()).isEqualTo(201);
        assertProblem(traffic.charge(billed, "0.000001"), 403, "member_limit_reached");
        assertThat(traffic.balance(billed)).isEqualTo("90");
    }

    @Test
    void thereIsNoOverdraft() {
        Billed billed = traffic.billed("5");
        assertProblem(traffic.charge(billed, "5.000001"), 402, "insufficient_balance");
        assertThat(traffic.charge(billed, "5").status()).isEqualTo(201);
        assertProblem(traffic.charge(billed, "0.000001"), 402, "insufficient_balance");
        assertThat(traffic.balance(billed)).isEqualTo("0");
    }

    @Test
    void aCollaboratorMayActButIsGrantedNothing() {
        Billed billed = traffic.billed("100");
        Api.User collaborator = api.newUser("collaborator");
        Api.Response accepted = traffic.report(event("evt-" + UUID.randomUUID(), billed.workspace(), collaborator.id(), "3"));
        assertThat(accepted.status()).isEqualTo(201);
        JsonNode listed = api.get("/api/v1/orgs/" + billed.org() + "/usage-events", billed.roster().owner().token())
                .body().get("items").get(0);
        assertThat(listed.get("userId").asString()).isEqualTo(collaborator.id().toString());
        assertThat(listed.get("payerUserId").asString()).isEqualTo(billed.roster().member().id().toString());
        assertThat(api.get("/api/v1/orgs/" + billed.org(), collaborator.token()).code()).isEqualTo("org_not_found");
    }

    @Test
    void badEventsAreValidationErrors() {
        Billed billed = traffic.billed("100");
        for (String credits : new String[] { "0", "-1", "1.0000001", "1e3", "abc" }) {
            assertProblem(traffic.charge(billed, credits), 400, "validation_failed");
        }
        Map<String, Object> longKind = event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "1");
        longKind.put("kind", "k".repeat(101));
        assertProblem(traffic.report(longKind), 400, "validation_failed");
        assertProblem(traffic.report(event("e".repeat(129), billed.workspace(), billed.roster().member().id(), "1")), 400,
                "validation_failed");
        Map<String, Object> nul = event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "1");
        nul.put("model", "gpt\u0000x");
        assertProblem(traffic.report(nul), 400, "validation_failed");
        for (String far : new String[] { "+300000-01-01T00:00:00Z", "-300000-01-01T00:00:00Z" }) {
            Map<String, Object> farOff = event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "1");
            farOff.put("occurredAt", far); // Java reads it, PostgreSQL would not store it
            assertProblem(traffic.report(farOff), 400, "validation_failed");
        }
        assertThat(traffic.balance(billed)).isEqualTo("100");
    }

    @Test
    void aBatchJudgesEachEventOnItsOwn() {
        Billed billed = traffic.billed("10");
        UUID actor = billed.roster().member().id();
        String repeated = "evt-" + UUID.randomUUID();
        List<Map<String, Object>> events = List.of(
                event(repeated, billed.workspace(), actor, "4"),
                event("evt-" + UUID.randomUUID(), billed.workspace(), actor, "7"),
                event(repeated, billed.workspace(), actor, "4"),
                event("evt-" + UUID.randomUUID(), "unknown-ws", actor, "1"),
                event("evt-" + UUID.randomUUID(), billed.workspace(), actor, "6"),
                event("evt-" + UUID.randomUUID(), billed.workspace(), actor, "0"));
        Api.Response batch = api.post("/api/v1/usage-events/batch", api.serviceToken(), Map.of("events", events));
        assertThat(batch.status()).isEqualTo(200);
        JsonNode results = batch.body().get("results");
        assertThat(results).extracting(r -> r.get("status").asString())
                .containsExactly("accepted", "rejected", "duplicate", "rejected", "accepted", "rejected");
        assertThat(results.get(1).get("code").asString()).isEqualTo("insufficient_balance");
        assertThat(results.get(3).get("code").asString()).isEqualTo("workspace_not_found");
        assertThat(results.get(5).get("code").asString()).isEqualTo("validation_failed");
        assertThat(results.get(4).get("balanceAfter").asString()).isEqualTo("0");
        assertThat(results.get(0).has("code")).isFalse();
        assertThat(traffic.balance(billed)).isEqualTo("0");
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefused() {
        Billed billed = traffic.billed("10");
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "1"));
        }
        assertProblem(api.post("/api/v1/usage-events/batch", api.serviceToken(), Map.of("events", events)), 400,
                "validation_failed");
    }

    @Test
    void crossingBelowTheThresholdMailsBillingManagersOnce() {
        Billed billed = traffic.billed("100");
        traffic.putPolicy(billed, policy("all_members", null, false, "50"));
        traffic.charge(billed, "40");
        traffic.charge(billed, "20"); // 60 → 40 crosses
        traffic.charge(billed, "5");  // already below: no second alert
        mail.awaitMessagesTo(billed.roster().owner().email(), 1);
        mail.awaitMessagesTo(billed.roster().billingAdmin().email(), 1);
        assertThat(mail.messagesTo(billed.roster().member().email())).isEmpty();
        assertThat(mail.messagesTo(billed.roster().admin().email())).isEmpty();
        long alerts = jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = :org AND action = 'wallet.low_balance'")
                .param("org", billed.org()).query(Long.class).single();
        assertThat(alerts).isOne();

        funding.fund(billed.org(), billed.roster().owner(), Credits.ofWhole(1000)); // back above: re-armed
        traffic.charge(billed, "1000");
        // the alert goes out on the alerts' thread once the charge is on disk, not before its answer
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE org_id = :org AND action = 'wallet.low_balance'")
                .param("org", billed.org()).query(Long.class).single()).isEqualTo(2));
    }

}
