package com.getpaidx.orgs.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.getpaidx.orgs.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 6, through HTTP: a usage request that waits longer than {@code getpaidx.usage.wait-timeout}
 * while its event is still queued is taken out of the lane and answered 503 {@code usage_timeout} (its
 * Retry-After: ProblemsTests), and nothing of it is charged; the same request sent again is charged once. The lane is held
 * up the way a slow database holds it: another session locks the wallet row the batch in flight needs.
 * Its own service (a 2 s wait), since the shared context waits 30 s and its lane serves every other test.
 */
@Execution(ExecutionMode.CONCURRENT) // its own processes: runs beside the shared context (junit-platform.properties)
class UsageWaitTimeoutTests {

    private static final String TOKEN = "wait-timeout-test-token-" + UUID.randomUUID();

    @Test
    void aQueuedEventThatWaitsTooLongIsNotChargedAndItsRetryIsChargedOnce() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(TOKEN, "--getpaidx.usage.wait-timeout=2s")) {
            Client client = new Client(service.baseUrl(), TOKEN, Duration.ofSeconds(60));
            BankOrg held = BankOrg.create(client, "held", 0, 0, false);
            BankOrg queued = BankOrg.create(client, "queued", 1, 0, false);
            try (Connection lock = connect(service); Connection watch = connect(service)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> balance(watch, held.id) > 0 && balance(watch, queued.id) > 0);
                lock.setAutoCommit(false);
                balanceForUpdate(lock, held.id);

                Map<String, Object> first = event(held.workspaces.getFirst());
                CompletableFuture<Client.Answer> inFlight = CompletableFuture.supplyAsync(
                        () -> client.post("/api/v1/usage-events", TOKEN, first));
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock(watch));

                Map<String, Object> second = event(queued.workspaces.getFirst());
                Client.Answer timedOut = client.post("/api/v1/usage-events", TOKEN, second);
                assertThat(timedOut.status()).as(String.valueOf(timedOut)).isEqualTo(503);
                assertThat(timedOut.code()).isEqualTo("usage_timeout");
                assertThat(charged(watch, (String) second.get("eventId"))).as("nothing of a timed-out event is charged").isZero();

                lock.rollback();
                assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).as("the batch in flight commits once the row is free")
                        .isEqualTo(201);
                Client.Answer retried = client.post("/api/v1/usage-events", TOKEN, second);
                assertThat(retried.status()).as("a retry of the timed-out event is charged now, not replayed").isEqualTo(201);
                assertThat(retried.replayed()).isFalse();
                Client.Answer again = client.post("/api/v1/usage-events", TOKEN, second);
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.replayed()).isTrue();
                assertThat(charged(watch, (String) second.get("eventId"))).as("charged once").isEqualTo(1);
                assertThat(charged(watch, (String) first.get("eventId"))).isEqualTo(1);
            }
        }
    }

    private static Map<String, Object> event(BankOrg.Workspace workspace) {
        return Map.of("eventId", "evt-wait-" + UUID.randomUUID(), "workspaceId", workspace.id(),
                "userId", workspace.owner().id().toString(), "credits", "0.5", "kind", "chat", "model", "gpt-x",
                "occurredAt", "2026-12-03T10:00:00Z");
    }

    private static Connection connect(ServiceProcess service) throws Exception {
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

    private static long charged(Connection db, String eventId) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM wallet_entry WHERE idempotency_key = ?")) {
            query.setString(1, "usage:" + eventId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
