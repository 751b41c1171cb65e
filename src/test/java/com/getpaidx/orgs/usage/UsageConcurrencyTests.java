package com.getpaidx.orgs.usage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Many clients charge one wallet at once, with retries of events already sent: exactly as many
 * events are accepted as the wallet can pay, none twice, and the ledger adds up.
 */
@IntegrationTest
class UsageConcurrencyTests {

    private static final int THREADS = 32;
    private static final int FUNDED = 100;

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;

    record Setup(UUID org, Api.User owner, String workspace, UUID member) {
    }

    private Setup setup(String credits) {
        Fixtures.Roster roster = fixtures.roster();
        funding.fund(roster.org(), roster.owner(), Credits.parse(credits));
        String workspace = "ws-" + UUID.randomUUID();
        api.put("/api/v1/workspaces/" + workspace, api.serviceToken(),
                Map.of("ownerUserId", roster.member().id().toString(), "name", "Busy"));
        api.put("/api/v1/workspaces/" + workspace + "/billing", roster.member().token(),
                Map.of("target", "org", "orgId", roster.org().toString()));
        return new Setup(roster.org(), roster.owner(), workspace, roster.member().id());
    }

    private static Map<String, Object> event(String id, Setup setup, String credits) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", id);
        event.put("workspaceId", setup.workspace());
        event.put("userId", setup.member().toString());
        event.put("credits", credits);
        event.put("kind", "chat");
        event.put("model", "m");
        event.put("occurredAt", "2026-11-26T10:00:00Z");
        return event;
    }

    private void assertLedgerAddsUp(Setup setup, int accepted, long spentMicros) {
        long balance = jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org").param("org", setup.org()).query(Long.class).single();
        long sum = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_entry WHERE org_id = :org").param("org", setup.org())
                .query(Long.class).single();
        long usageEntries = jdbc.sql("SELECT count(*) FROM wallet_entry WHERE org_id = :org AND type = 'usage'")
                .param("org", setup.org()).query(Long.class).single();
        long distinctEvents = jdbc.sql("SELECT count(DISTINCT event_id) FROM usage_event WHERE org_id = :org")
                .param("org", setup.org()).query(Long.class).single();
        assertThat(balance).isEqualTo(sum).isEqualTo(Credits.ofWhole(FUNDED).micros() - spentMicros);
        assertThat(usageEntries).isEqualTo(accepted).isEqualTo(distinctEvents);
    }

    @Test
    void thirtyTwoClientsWithRetriesNeverOverdrawOrChargeTwice() throws Exception {
        Setup setup = setup(Integer.toString(FUNDED));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4 * FUNDED; i++) {
            ids.add("evt-" + UUID.randomUUID());
        }
        Random random = new Random(7);
        List<String> plan = new ArrayList<>(ids);
        for (int i = 0; i < FUNDED; i++) {
            plan.add(ids.get(random.nextInt(ids.size()))); // retries of events that are, or will be, sent
        }
        Collections.shuffle(plan, random);

        Map<String, AtomicInteger> acceptedPerEvent = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                        Api.Response response = api.post("/api/v1/usage-events", api.serviceToken(), event(plan.get(i), setup, "1"));
                        switch (response.status()) {
                            case 201 -> acceptedPerEvent.computeIfAbsent(plan.get(i), k -> new AtomicInteger()).incrementAndGet();
                            case 200, 402 -> { }
                            default -> unexpected.add(response.status() + " " + response.body());
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int accepted = acceptedPerEvent.size();
        System.out.printf("usage concurrency: %d threads, %d requests (%d distinct events), %d accepted, %d ms%n",
                THREADS, plan.size(), ids.size(), accepted, millis);

        assertThat(unexpected).isEmpty();
        assertThat(accepted).isEqualTo(FUNDED);
        assertThat(acceptedPerEvent.values()).allSatisfy(count -> assertThat(count.get()).isOne());
        assertLedgerAddsUp(setup, accepted, Credits.ofWhole(accepted).micros());
    }

    @Test
    void concurrentBatchesNeverOverdrawOrChargeTwice() throws Exception {
        Setup setup = setup(Integer.toString(FUNDED));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4 * FUNDED; i++) {
            ids.add("evt-" + UUID.randomUUID());
        }
        // 16 batches of 50, each batch overlapping others: every event is sent twice in all
        List<List<String>> batches = new ArrayList<>();
        Random random = new Random(11);
        List<String> all = new ArrayList<>(ids);
        all.addAll(ids);
        Collections.shuffle(all, random);
        for (int i = 0; i < all.size(); i += 50) {
            batches.add(all.subList(i, Math.min(all.size(), i + 50)));
        }
        Map<String, AtomicInteger> acceptedPerEvent = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> sent = new ArrayList<>();
            for (List<String> batch : batches) {
                sent.add(pool.submit(() -> {
                    var events = batch.stream().map(id -> event(id, setup, "1")).toList();
                    Api.Response response = api.post("/api/v1/usage-events/batch", api.serviceToken(), Map.of("events", events));
                    assertThat(response.status()).isEqualTo(200);
                    response.body().get("results").forEach(result -> {
                        if (result.get("status").asString().equals("accepted")) {
                            acceptedPerEvent.computeIfAbsent(result.get("eventId").asString(), k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    });
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        assertThat(acceptedPerEvent).hasSize(FUNDED);
        assertThat(acceptedPerEvent.values()).allSatisfy(count -> assertThat(count.get()).isOne());
        assertLedgerAddsUp(setup, FUNDED, Credits.ofWhole(FUNDED).micros());
    }

    @Test
    void theMonthlyLimitHoldsUnderConcurrency() throws Exception {
        Setup setup = setup(Integer.toString(FUNDED));
        api.put("/api/v1/orgs/" + setup.org() + "/spend-policy", setup.owner().token(), Map.of(
                "spenders", "all_members", "memberMonthlyLimit", "30", "paused", false));
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sent.add(pool.submit(() -> {
                    Api.Response response = api.post("/api/v1/usage-events", api.serviceToken(),
                            event("evt-" + UUID.randomUUID(), setup, "0.5"));
                    if (response.status() == 201) {
                        accepted.incrementAndGet();
                    }
                    else {
                        assertThat(response.code()).isEqualTo("member_limit_reached");
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        assertThat(accepted.get()).isEqualTo(60);
        assertLedgerAddsUp(setup, 60, Credits.ofWhole(30).micros());
    }
}
