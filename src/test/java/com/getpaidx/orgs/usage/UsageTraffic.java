package com.getpaidx.orgs.usage;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;

import static org.assertj.core.api.Assertions.assertThat;

/** Funded orgs with workspaces billed to them, and usage events for them, through the public API. */
public final class UsageTraffic {

    /** A funded org with a member whose workspace bills it. */
    public record Billed(Fixtures.Roster roster, String workspace) {

        public UUID org() {
            return roster.org();
        }
    }

    private final Api api;
    private final Fixtures fixtures;
    private final Funding funding;

    public UsageTraffic(Api api, Fixtures fixtures, Funding funding) {
        this.api = api;
        this.fixtures = fixtures;
        this.funding = funding;
    }

    public Billed billed(String credits) {
        Fixtures.Roster roster = fixtures.roster();
        funding.fund(roster.org(), roster.owner(), Credits.parse(credits));
        String workspace = workspaceOf(roster.member());
        bind(roster.member(), workspace, roster.org());
        return new Billed(roster, workspace);
    }

    String workspaceOf(Api.User owner) {
        String id = "ws-" + UUID.randomUUID();
        Api.Response registered = api.put("/api/v1/workspaces/" + id, api.serviceToken(),
                Map.of("ownerUserId", owner.id().toString(), "name", "Notebook"));
        assertThat(registered.status()).isEqualTo(201);
        return id;
    }

    Api.Response bind(Api.User owner, String workspace, UUID org) {
        return api.put("/api/v1/workspaces/" + workspace + "/billing", owner.token(),
                org == null ? Map.of("target", "personal") : Map.of("target", "org", "orgId", org.toString()));
    }

    static Map<String, Object> event(String id, String workspace, UUID actor, String credits) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", id);
        event.put("workspaceId", workspace);
        event.put("userId", actor.toString());
        event.put("credits", credits);
        event.put("kind", "chat");
        event.put("model", "gpt-x");
        event.put("occurredAt", "2026-11-26T10:00:00Z");
        return event;
    }

    Api.Response report(Map<String, Object> event) {
        return api.post("/api/v1/usage-events", api.serviceToken(), event);
    }

    Api.Response charge(Billed billed, String credits) {
        return report(event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), credits));
    }

    Api.Response putPolicy(Billed billed, Map<String, Object> policy) {
        return api.put("/api/v1/orgs/" + billed.org() + "/spend-policy", billed.roster().owner().token(), policy);
    }

    static Map<String, Object> policy(String spenders, String limit, boolean paused, String threshold) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("spenders", spenders);
        policy.put("selectedUserIds", java.util.List.of());
        policy.put("memberMonthlyLimit", limit);
        policy.put("paused", paused);
        policy.put("lowBalanceThreshold", threshold);
        return policy;
    }

    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    String balance(Billed billed) {
        return api.get("/api/v1/orgs/" + billed.org() + "/wallet", billed.roster().owner().token()).text("balance");
    }
}
