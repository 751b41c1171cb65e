package com.getpaidx.orgs.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commits fail while events for the same wallet keep arriving: a trigger refuses "poison" events at
 * the database, so every group commit holding one fails. Each waiter still gets its own answer — its
 * charge, or an error for the poison itself — none hangs, and no acknowledged charge is lost.
 */
@IntegrationTest
class GroupCommitFailureTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;

    private UsageEventTrigger refusing;

    @BeforeEach
    void poisonTrigger() {
        refusing = UsageEventTrigger.install(jdbc, "test_refuse_poison", "poison",
                "RAISE EXCEPTION 'injected failure for a poison usage event';");
    }

    @AfterEach
    void dropTrigger() {
        refusing.drop();
    }

    @Test
    void everyWaiterGetsItsAnswerWhileCommitsFail() throws Exception {
        UsageTraffic.Billed billed = new UsageTraffic(api, fixtures, funding).billed("1000");

        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<String> poison = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "evt-" + UUID.randomUUID();
                boolean bad = i % 10 == 0;
                if (bad) {
                    poison.add(id);
                }
                sent.add(pool.submit(() -> {
                    Map<String, Object> event = UsageTraffic.event(id, billed.workspace(), billed.roster().member().id(), "1");
                    event.put("kind", bad ? "poison" : "chat");
                    Api.Response response = api.post("/api/v1/usage-events", api.serviceToken(), event);
                    statuses.put(id, response.status());
                    if (bad) {
                        assertThat(response.code()).isEqualTo("internal_error");
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get(60, TimeUnit.SECONDS); // an answer for everyone, never a hang
            }
        }
        assertThat(statuses).hasSize(200);
        statuses.forEach((id, status) -> assertThat(status).as(id).isEqualTo(poison.contains(id) ? 500 : 201));

        long balance = jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org").param("org", billed.org()).query(Long.class).single();
        long sum = jdbc.sql("SELECT SUM(amount) FROM wallet_entry WHERE org_id = :org").param("org", billed.org()).query(Long.class).single();
        long recorded = jdbc.sql("SELECT count(*) FROM usage_event WHERE org_id = :org").param("org", billed.org()).query(Long.class).single();
        assertThat(recorded).isEqualTo(180);
        assertThat(balance).isEqualTo(sum).isEqualTo(Credits.ofWhole(1000 - 180).micros());
        long keys = jdbc.sql("SELECT count(*) FROM usage_event_key WHERE org_id = :org").param("org", billed.org()).query(Long.class).single();
        assertThat(keys).isEqualTo(180);
    }
}
