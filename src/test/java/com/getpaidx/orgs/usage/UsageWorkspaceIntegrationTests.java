package com.getpaidx.orgs.usage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
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

/** Workspace bindings, the spend policy and usage reads, through the public API. */
@IntegrationTest
class UsageWorkspaceIntegrationTests {

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
    void removingAMemberSendsTheirWorkspacesBackToPersonal() {
        Billed billed = traffic.billed("100");
        api.delete("/api/v1/orgs/" + billed.org() + "/members/" + billed.roster().member().id(), billed.roster().owner().token());
        assertThat(api.get("/api/v1/workspaces/" + billed.workspace() + "/billing", billed.roster().member().token())
                .text("target")).isEqualTo("personal");
        assertProblem(traffic.charge(billed, "1"), 422, "not_org_billed");
        JsonNode audit = api.get("/api/v1/orgs/" + billed.org() + "/audit-events", billed.roster().owner().token())
                .body().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("workspace.billing_reset");
        assertThat(audit.get("after").get("reason").asString()).isEqualTo("member_removed");
    }

    @Test
    void archivingSendsWorkspacesBackToPersonal() {
        Billed billed = traffic.billed("100");
        api.post("/api/v1/orgs/" + billed.org() + "/archive", billed.roster().owner().token(), null);
        assertThat(api.get("/api/v1/workspaces/" + billed.workspace() + "/billing", api.serviceToken()).text("target"))
                .isEqualTo("personal");
        assertProblem(traffic.charge(billed, "1"), 422, "not_org_billed");
        assertThat(traffic.balance(billed)).isEqualTo("100");
    }

    @Test
    void aPolicyThatExcludesAnOwnerResetsTheirWorkspaces() {
        Billed billed = traffic.billed("100");
        traffic.putPolicy(billed, policy("managers", null, false, null));
        assertThat(api.get("/api/v1/workspaces/" + billed.workspace() + "/billing", api.serviceToken()).text("target"))
                .isEqualTo("personal");
        assertProblem(traffic.bind(billed.roster().member(), billed.workspace(), billed.org()), 403, "policy_denied");

        Map<String, Object> selected = policy("selected", null, false, null);
        selected.put("selectedUserIds", List.of(billed.roster().member().id().toString()));
        assertThat(traffic.putPolicy(billed, selected).status()).isEqualTo(200);
        assertThat(traffic.bind(billed.roster().member(), billed.workspace(), billed.org()).text("target")).isEqualTo("org");
        assertThat(traffic.charge(billed, "1").status()).isEqualTo(201);

        // removed, the member leaves the selection too: invited back, they are a plain member, not a chosen spender
        api.delete("/api/v1/orgs/" + billed.org() + "/members/" + billed.roster().member().id(), billed.roster().owner().token());
        fixtures.addMember(billed.org(), billed.roster().owner(), billed.roster().member(), Role.MEMBER);
        assertThat(api.get("/api/v1/orgs/" + billed.org() + "/spend-policy", billed.roster().owner().token()).body()
                .get("selectedUserIds")).isEmpty();
        assertProblem(traffic.bind(billed.roster().member(), billed.workspace(), billed.org()), 403, "policy_denied");
        JsonNode events = api.get("/api/v1/orgs/" + billed.org() + "/audit-events", billed.roster().owner().token())
                .body().get("items");
        assertThat(events).filteredOn(event -> event.get("action").asString().equals("spend_policy.updated")).first()
                .satisfies(update -> assertThat(update.get("after").get("selectedUserIds")).isEmpty());
    }

    @Test
    void theSpendPolicyIsReadByMembersAndWrittenByBillingManagers() {
        Billed billed = traffic.billed("100");
        JsonNode initial = api.get("/api/v1/orgs/" + billed.org() + "/spend-policy", billed.roster().member().token()).body();
        assertThat(initial.get("spenders").asString()).isEqualTo("all_members");
        assertThat(initial.get("memberMonthlyLimit").isNull()).isTrue();
        assertThat(initial.get("paused").asBoolean()).isFalse();

        for (Api.User denied : new Api.User[] { billed.roster().admin(), billed.roster().member() }) {
            assertProblem(api.put("/api/v1/orgs/" + billed.org() + "/spend-policy", denied.token(),
                    policy("all_members", "5", false, null)), 403, "forbidden");
        }
        Api.Response saved = api.put("/api/v1/orgs/" + billed.org() + "/spend-policy", billed.roster().billingAdmin().token(),
                policy("all_members", "12.5", false, "20"));
        assertThat(saved.text("memberMonthlyLimit")).isEqualTo("12.5");
        assertThat(saved.text("lowBalanceThreshold")).isEqualTo("20");
        assertThat(api.get("/api/v1/orgs/" + billed.org() + "/wallet", billed.roster().member().token()).text("lowBalanceThreshold"))
                .isEqualTo("20");

        Map<String, Object> outsider = policy("selected", null, false, null);
        outsider.put("selectedUserIds", List.of(billed.roster().outsider().id().toString()));
        assertProblem(traffic.putPolicy(billed, outsider), 400, "validation_failed");
        assertProblem(traffic.putPolicy(billed, policy("everyone", null, false, null)), 400, "validation_failed");
        JsonNode audit = api.get("/api/v1/orgs/" + billed.org() + "/audit-events", billed.roster().owner().token())
                .body().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("spend_policy.updated");
        assertThat(audit.get("after").get("memberMonthlyLimit").asString()).isEqualTo("12.5");
    }

    @Test
    void workspacesAreRegisteredByTheServiceAndBoundByTheirOwner() {
        Fixtures.Roster roster = fixtures.roster();
        String id = "ws-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("ownerUserId", roster.member().id().toString(), "name", "Lab");
        assertThat(api.put("/api/v1/workspaces/" + id, roster.member().token(), body).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/workspaces/" + id, api.serviceToken(), body).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/workspaces/" + id, api.serviceToken(), body).status()).isEqualTo(200);

        assertProblem(traffic.bind(roster.admin(), id, roster.org()), 404, "workspace_not_found");
        assertProblem(traffic.bind(roster.member(), id, api.newOrg(api.newUser())), 403, "not_member");
        JsonNode bound = traffic.bind(roster.member(), id, roster.org()).body();
        assertThat(bound.get("target").asString()).isEqualTo("org");
        assertThat(bound.get("reasons")).extracting(JsonNode::asString).containsExactly("insufficient_balance");
        assertThat(bound.get("eligible").asBoolean()).isFalse();

        // a new owner did not choose the old owner's org: the reset is audited there, once
        api.put("/api/v1/workspaces/" + id, api.serviceToken(), Map.of("ownerUserId", roster.admin().id().toString(), "name", "Lab"));
        assertThat(api.get("/api/v1/workspaces/" + id + "/billing", roster.admin().token()).text("target")).isEqualTo("personal");
        api.put("/api/v1/workspaces/" + id, api.serviceToken(), Map.of("ownerUserId", roster.owner().id().toString(), "name", "Lab"));
        JsonNode resets = api.get("/api/v1/orgs/" + roster.org() + "/audit-events", roster.owner().token()).body().get("items");
        assertThat(resets).filteredOn(event -> event.get("action").asString().equals("workspace.billing_reset")).singleElement()
                .satisfies(reset -> {
                    assertThat(reset.get("targetId").asString()).isEqualTo(id);
                    assertThat(reset.get("after").get("reason").asString()).isEqualTo("owner_changed");
                });
    }

    @Test
    void billingTargetsListPersonalAndEachOrgWithItsEligibility() {
        Fixtures.Roster roster = fixtures.roster();
        Api.User owner = api.newUser();
        UUID strict = api.newOrg(owner);
        fixtures.addMember(strict, owner, roster.member(), Role.MEMBER);
        api.put("/api/v1/orgs/" + strict + "/spend-policy", owner.token(), policy("managers", null, false, null));

        JsonNode items = api.get("/api/v1/me/billing-targets", roster.member().token()).body().get("items");
        assertThat(items.get(0).get("target").asString()).isEqualTo("personal");
        Map<String, JsonNode> byOrg = new HashMap<>();
        items.forEach(item -> {
            if (item.get("orgId") != null && !item.get("orgId").isNull()) {
                byOrg.put(item.get("orgId").asString(), item);
            }
        });
        assertThat(byOrg.get(roster.org().toString()).get("eligible").asBoolean()).isTrue();
        assertThat(byOrg.get(strict.toString()).get("eligible").asBoolean()).isFalse();
        assertThat(byOrg.get(strict.toString()).get("reason").asString()).isEqualTo("policy_denied");
    }

    @Test
    void membersSeeOnlyTheirOwnUsageAndManagersTheSummary() {
        Billed billed = traffic.billed("100");
        Api.User other = fixtures.newMember(billed.org(), billed.roster().owner(), Role.MEMBER);
        String otherWorkspace = traffic.workspaceOf(other);
        traffic.bind(other, otherWorkspace, billed.org());
        traffic.charge(billed, "2");
        traffic.report(event("evt-" + UUID.randomUUID(), otherWorkspace, other.id(), "3"));
        traffic.report(event("evt-" + UUID.randomUUID(), otherWorkspace, other.id(), "4"));

        String events = "/api/v1/orgs/" + billed.org() + "/usage-events";
        assertThat(api.get(events, billed.roster().owner().token()).body().get("items")).hasSize(3);
        assertThat(api.get(events, billed.roster().member().token()).body().get("items")).hasSize(1);
        assertThat(api.get(events, other.token()).body().get("items")).hasSize(2);
        assertProblem(api.get(events + "?userId=" + other.id(), billed.roster().member().token()), 403, "forbidden");
        assertThat(api.get(events + "?workspaceId=" + otherWorkspace, billed.roster().owner().token()).body().get("items")).hasSize(2);

        String month = Instant.now().toString().substring(0, 7);
        JsonNode summary = api.get("/api/v1/orgs/" + billed.org() + "/usage-summary?month=" + month,
                billed.roster().billingAdmin().token()).body();
        assertThat(summary.get("byMember").get(0).get("userId").asString()).isEqualTo(other.id().toString());
        assertThat(summary.get("byMember").get(0).get("credits").asString()).isEqualTo("7");
        assertThat(summary.get("byMember").get(0).get("events").asLong()).isEqualTo(2);
        assertThat(summary.get("byWorkspace")).hasSize(2);
        assertProblem(api.get("/api/v1/orgs/" + billed.org() + "/usage-summary?month=" + month,
                billed.roster().member().token()), 403, "forbidden");
        assertProblem(api.get("/api/v1/orgs/" + billed.org() + "/usage-summary?month=2026-13",
                billed.roster().owner().token()), 400, "validation_failed");
    }
}
