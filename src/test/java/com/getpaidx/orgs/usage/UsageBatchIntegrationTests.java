package com.getpaidx.orgs.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.usage.UsageTraffic.Billed;

import static com.getpaidx.orgs.usage.UsageTraffic.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is one call of the charge function whatever it holds: several orgs and payers, replays,
 * conflicts and refusals are each answered as on their own, and every org's ledger stays whole.
 */
@IntegrationTest
class UsageBatchIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;

    private UsageTraffic traffic;

    @BeforeEach
    void traffic() {
        traffic = new UsageTraffic(api, fixtures, funding);
    }

    @Test
    void oneBatchChargesSeveralOrgsAndPayersEachByItsOwnRules() {
        Billed first = traffic.billed("10");
        Billed second = traffic.billed("100");
        api.put("/api/v1/orgs/" + second.org() + "/spend-policy", second.roster().owner().token(),
                Map.of("spenders", "all_members", "selectedUserIds", List.of(), "memberMonthlyLimit", "5", "paused", false));
        String adminWorkspace = traffic.workspaceOf(second.roster().admin());
        traffic.bind(second.roster().admin(), adminWorkspace, second.org());
        UUID actor = first.roster().member().id();
        String earlier = "evt-" + UUID.randomUUID();
        assertThat(traffic.report(event(earlier, first.workspace(), actor, "1")).status()).isEqualTo(201);

        List<Map<String, Object>> events = List.of(
                event(earlier, first.workspace(), actor, "1"),                        // replay: 9 left
                event(earlier, first.workspace(), actor, "2"),                        // same id, other body
                event("evt-" + UUID.randomUUID(), second.workspace(), actor, "4"),    // second: member 4 of 5
                event("evt-" + UUID.randomUUID(), first.workspace(), actor, "9"),     // first: 0 left
                event("evt-" + UUID.randomUUID(), second.workspace(), actor, "2"),    // member over the limit
                event("evt-" + UUID.randomUUID(), adminWorkspace, actor, "5"),        // admin: own limit
                event("evt-" + UUID.randomUUID(), first.workspace(), actor, "0.000001")); // first is empty
        JsonNode results = api.post("/api/v1/usage-events/batch", api.serviceToken(), Map.of("events", events))
                .body().get("results");
        assertThat(results).extracting(r -> r.get("status").asString())
                .containsExactly("duplicate", "rejected", "accepted", "accepted", "rejected", "accepted", "rejected");
        assertThat(results).extracting(r -> r.has("code") ? r.get("code").asString() : "")
                .containsExactly("", "idempotency_conflict", "", "", "member_limit_reached", "", "insufficient_balance");
        assertThat(results).extracting(r -> r.has("balanceAfter") ? r.get("balanceAfter").asString() : "")
                .containsExactly("9", "", "96", "0", "", "91", "");

        assertThat(traffic.balance(first)).isEqualTo("0");
        assertThat(traffic.balance(second)).isEqualTo("91");
        for (UUID org : List.of(first.org(), second.org())) {
            assertThat(sumOfEntries(org)).isEqualTo(balanceMicros(org));
        }
        // every charge of the batch was written by one statement at one moment
        long moments = jdbc.sql("""
                SELECT count(DISTINCT recorded_at) FROM usage_event WHERE event_id = ANY(:ids)""")
                .param("ids", List.of(events.get(2), events.get(3), events.get(5)).stream()
                        .map(e -> (String) e.get("eventId")).toArray(String[]::new))
                .query(Long.class).single();
        assertThat(moments).isEqualTo(1);
    }

    @Test
    void eventsForDifferentOrgsThatArriveTogetherShareCommits() throws Exception {
        List<Billed> orgs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            orgs.add(traffic.billed("100"));
        }
        Map<String, UUID> orgOfEvent = new HashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Billed billed = orgs.get(i % orgs.size());
            String id = "evt-" + UUID.randomUUID();
            orgOfEvent.put(id, billed.org());
            events.add(event(id, billed.workspace(), billed.roster().member().id(), "0.5"));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (Map<String, Object> event : events) {
                sent.add(pool.submit(() -> traffic.report(event)));
            }
            for (Future<Api.Response> answer : sent) {
                assertThat(answer.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
            }
        }
        for (Billed billed : orgs) {
            assertThat(traffic.balance(billed)).isEqualTo("85");
            assertThat(sumOfEntries(billed.org())).isEqualTo(balanceMicros(billed.org()));
        }
        // a commit is one moment: some moment holds charges of more than one org
        long mixed = jdbc.sql("""
                SELECT count(*) FROM (SELECT recorded_at FROM usage_event WHERE event_id = ANY(:ids)
                                       GROUP BY recorded_at HAVING count(DISTINCT org_id) > 1) AS shared""")
                .param("ids", orgOfEvent.keySet().toArray(String[]::new)).query(Long.class).single();
        assertThat(mixed).isPositive();
    }

    private long sumOfEntries(UUID org) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_entry WHERE org_id = :org").param("org", org)
                .query(Long.class).single();
    }

    private long balanceMicros(UUID org) {
        return jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org").param("org", org).query(Long.class).single();
    }
}
