package com.getpaidx.orgs.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import com.getpaidx.orgs.support.Scrape;
import com.getpaidx.orgs.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 6, through HTTP. A usage request that waits longer than {@code getpaidx.usage.wait-timeout}
 * while its event is still queued is taken out of the lane and answered 503 {@code usage_timeout} (its
 * Retry-After: ProblemsTests), and nothing of it is charged; the same request sent again is charged once. One whose
 * events are already in a batch that may still commit is answered 503 {@code outcome_unknown}, and its retry with the
 * same eventId is a replay. The lane is held up the way a slow database holds it: another session locks the wallet
 * row the batch in flight needs. Its own service (a 5 s wait, its lane to itself, the lane's gauges the tests read),
 * since the shared context waits 30 s and its lane serves every other test.
 */
@Execution(ExecutionMode.CONCURRENT) // its own processes: runs beside the shared context (junit-platform.properties)
@ResourceLock("UsageWaitTimeoutTests.lane") // one lane: a test's held batch would hold the other's events
class UsageWaitTimeoutTests {

    private static final String TOKEN = "wait-timeout-test-token-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The requests that wait in the lane, each on a thread of its own (not the common pool's few). */
    private static final ExecutorService REQUESTS = Executors.newCachedThreadPool();

    private static ServiceProcess service;
    private static Client client;
    private static URI metrics;

    @BeforeAll
    static void start() throws Exception {
        service = ServiceProcess.start(TOKEN, "--getpaidx.usage.wait-timeout=5s");
        client = new Client(service.baseUrl(), TOKEN, Duration.ofSeconds(60));
        metrics = URI.create(service.managementUrl() + "/actuator/prometheus");
    }

    @AfterAll
    static void stop() {
        HTTP.close();
        REQUESTS.shutdownNow();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aQueuedEventThatWaitsTooLongIsNotChargedAndItsRetryIsChargedOnce() throws Exception {
        BankOrg held = BankOrg.create(client, "held", 0, 0, false);
        BankOrg queued = BankOrg.create(client, "queued", 1, 0, false);
        try (Connection lock = connect(); Connection watch = connect()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> balance(watch, held.id) > 0 && balance(watch, queued.id) > 0);
            lock.setAutoCommit(false);
            balanceForUpdate(lock, held.id);

            Map<String, Object> first = event(held.workspaces.getFirst());
            CompletableFuture<Client.Answer> inFlight = post(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock(watch));

            Map<String, Object> second = event(queued.workspaces.getFirst());
            CompletableFuture<Client.Answer> waiting = post(second);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> gauge("getpaidx_usage_queue_oldest_seconds") >= 0.5); // what an operator's alert reads
            double timeoutsBefore = refusals("usage_timeout");
            Client.Answer timedOut = waiting.get(30, TimeUnit.SECONDS);
            assertThat(timedOut.status()).as(String.valueOf(timedOut)).isEqualTo(503);
            assertThat(timedOut.code()).isEqualTo("usage_timeout");
            assertThat(refusals("usage_timeout") - timeoutsBefore).as("counted for the operator's alert").isEqualTo(1);
            assertThat(gauge("getpaidx_usage_queued")).as("taken out of the lane").isZero();
            assertThat(gauge("getpaidx_usage_queue_oldest_seconds")).isZero();
            assertThat(charged(watch, second)).as("nothing of a timed-out event is charged").isZero();

            lock.rollback();
            assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).as("the batch in flight commits once the row is free")
                    .isEqualTo(201);
            Client.Answer retried = client.post("/api/v1/usage-events", TOKEN, second);
            assertThat(retried.status()).as("a retry of the timed-out event is charged now, not replayed").isEqualTo(201);
            assertThat(retried.replayed()).isFalse();
            assertReplayedAndChargedOnce(watch, second);
            assertThat(charged(watch, first)).isEqualTo(1);
        }
    }

    /**
     * Two requests queue behind a held batch; that batch commits, the next takes both and is held in turn (a lock
     * on their wallet). Whoever drains it waits in the database: one of the two (or, were the batch deferred, the
     * first request's thread, still waiting for its flush). Every waiter not draining has its events in a batch
     * that may still commit, so past its wait it is told 503 {@code outcome_unknown}, never "not charged". The
     * batch then commits, and the retry with the same eventId is a replay: charged once.
     */
    @Test
    void aRequestWhoseBatchOutlastsItsWaitIsToldTheOutcomeIsUnknownAndItsRetryIsNotChargedTwice() throws Exception {
        BankOrg drained = BankOrg.create(client, "drained", 0, 0, false);
        BankOrg held = BankOrg.create(client, "unknown", 1, 0, false);
        // the first scrape starts the management servlet: not inside the waiters' 5 s
        assertThat(gauge("getpaidx_usage_queued")).isZero();
        double unknownBefore = refusals("outcome_unknown");
        try (Connection lockDrained = connect(); Connection lockHeld = connect(); Connection watch = connect()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> balance(watch, drained.id) > 0 && balance(watch, held.id) > 0);
            lockDrained.setAutoCommit(false);
            balanceForUpdate(lockDrained, drained.id);
            lockHeld.setAutoCommit(false);
            balanceForUpdate(lockHeld, held.id);

            Map<String, Object> first = event(drained.workspaces.getFirst());
            CompletableFuture<Client.Answer> inFlight = post(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock(watch));
            List<Map<String, Object>> events = List.of(event(held.workspaces.getFirst()), event(held.workspaces.getFirst()));
            List<CompletableFuture<Client.Answer>> behind = events.stream().map(UsageWaitTimeoutTests::post).toList();
            // each waits 5 s from the moment it queues: the next steps take milliseconds
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> gauge("getpaidx_usage_queued") == 2);

            lockDrained.rollback(); // the next batch takes both and waits for the held wallet
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> gauge("getpaidx_usage_queued") == 0);
            Client.Answer first503 = (Client.Answer) CompletableFuture.anyOf(behind.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
            assertThat(first503.status()).as(String.valueOf(first503)).isEqualTo(503);
            assertThat(first503.code()).isEqualTo("outcome_unknown");
            assertThat(refusals("outcome_unknown") - unknownBefore).as("counted for the operator's alert").isPositive();

            lockHeld.rollback();
            assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            for (int i = 0; i < events.size(); i++) {
                Client.Answer answer = behind.get(i).get(30, TimeUnit.SECONDS);
                assertThat(answer.status() == 201 || answer.status() == 503 && "outcome_unknown".equals(answer.code()))
                        .as("the drainer's own request is charged, every other's outcome unknown: " + answer).isTrue();
                assertReplayedAndChargedOnce(watch, events.get(i));
            }
        }
    }

    private static void assertReplayedAndChargedOnce(Connection watch, Map<String, Object> event) throws Exception {
        Client.Answer again = client.post("/api/v1/usage-events", TOKEN, event);
        assertThat(again.status()).as(String.valueOf(again)).isEqualTo(200);
        assertThat(again.replayed()).isTrue();
        assertThat(charged(watch, event)).as("charged once").isEqualTo(1);
    }

    private static CompletableFuture<Client.Answer> post(Map<String, Object> event) {
        return CompletableFuture.supplyAsync(() -> client.post("/api/v1/usage-events", TOKEN, event), REQUESTS);
    }

    /** A gauge from the service's Prometheus scrape; it must be there. */
    private static double gauge(String name) throws Exception {
        Scrape scrape = scrape();
        assertThat(scrape.has(name)).as(name + " in the scrape").isTrue();
        return scrape.value(name);
    }

    /** Usage events answered with the problem {@code code}, so far. */
    private static double refusals(String code) throws Exception {
        return scrape().value("getpaidx_usage_events_total", "outcome", "refused", "code", code);
    }

    private static Scrape scrape() throws Exception {
        return new Scrape(HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static Map<String, Object> event(BankOrg.Workspace workspace) {
        return Map.of("eventId", "evt-wait-" + UUID.randomUUID(), "workspaceId", workspace.id(),
                "userId", workspace.owner().id().toString(), "credits", "0.5", "kind", "chat", "model", "gpt-x",
                "occurredAt", "2026-12-03T10:00:00Z");
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(service.jdbcUrl(), "postgres", service.databasePassword());
    }

    private static long balance(Connection db, UUID org) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT balance FROM wallet WHERE org_id = ?")) {
            query.setObject(1, org);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static void balanceForUpdate(Connection db, UUID org) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT balance FROM wallet WHERE org_id = ? FOR UPDATE")) {
            query.setObject(1, org);
            query.executeQuery().close();
        }
    }

    /** A session of the service waits for a row lock: the usage call, blocked by the test's lock. */
    private static boolean waitingOnALock(Connection db) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%usage_charge%'");
                ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getLong(1) > 0;
        }
    }

    private static long charged(Connection db, Map<String, Object> event) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM wallet_entry WHERE idempotency_key = ?")) {
            query.setString(1, "usage:" + event.get("eventId"));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
