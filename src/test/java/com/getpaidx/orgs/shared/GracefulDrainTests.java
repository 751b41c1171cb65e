package com.getpaidx.orgs.shared;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.support.IdentityProvider;
import com.getpaidx.orgs.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service started as an operator first starts it: default settings, its own JVM, one start for both tests, in
 * this order (a start costs the suite's two cores ~14 CPU-s). First, with no getpaidx.auth.*, nothing of the app's
 * sign-in is there. Then SIGTERM under load: readiness turns to refusing, new usage events are answered 503
 * {@code shutting_down} with Retry-After, what was acknowledged is in the ledger afterwards (read from its
 * PostgreSQL, started again on the data directory), the process exits 0 within 30 s, and every line it logged is
 * one JSON object (ECS), the org's lines with their {@code orgId}.
 */
@Execution(ExecutionMode.CONCURRENT) // its own processes: runs beside the shared context (junit-platform.properties)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GracefulDrainTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE_TOKEN = "drain-test-service-token-" + UUID.randomUUID();
    private static final int CLIENTS = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess service;

    @BeforeAll
    void start() throws Exception {
        service = ServiceProcess.start(SERVICE_TOKEN);
    }

    @AfterAll
    void close() {
        if (service != null) {
            service.close();
        }
    }

    /** No "Sign in with GetPaidX", no OAuth2 endpoints, and a JWT is just an unknown bearer token, answered exactly like one. */
    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD) // one after the other: the next test stops the service
    void withoutAuthSettingsNothingOfTheAppsSignInIsThere() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in").doesNotContain("Sign in with GetPaidX").doesNotContain("oauth2");

        HttpResponse<String> start = get("/oauth2/authorization/getpaidx", null);
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));

        // a well-formed JWT, validly signed, of an issuer the service was not told about
        String jwt = new IdentityProvider(1).tokens().email("off@example.com", true).at(Instant.now()).sign();
        HttpResponse<String> withJwt = get("/api/v1/me", jwt);
        HttpResponse<String> withUnknownToken = get("/api/v1/me", "an-unknown-opaque-token");
        assertThat(withJwt.statusCode()).isEqualTo(401);
        assertThat(withJwt.body()).isEqualTo(withUnknownToken.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void sigtermUnderLoadKeepsEveryAcknowledgedChargeAndExitsZero() throws Exception {
        UUID org = fundedOrgWithWorkspace(service);
        String workspace = "ws-drain-" + org;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicInteger shuttingDown = new AtomicInteger();
        AtomicBoolean retryAfterOnEvery503 = new AtomicBoolean(true);
        AtomicBoolean readinessRefused = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                while (!stop.get()) {
                    String eventId = "evt-drain-" + UUID.randomUUID();
                    sent.add(eventId);
                    try {
                        HttpResponse<String> answer = own.send(usageEvent(service, eventId, workspace), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            acknowledged.add(eventId);
                        }
                        else if (answer.statusCode() == 503 && answer.body().contains("\"shutting_down\"")) {
                            shuttingDown.incrementAndGet();
                            retryAfterOnEvery503.compareAndSet(answer.headers().firstValue("Retry-After").isEmpty(), false);
                        }
                    }
                    catch (ConnectException refused) {
                        return; // the web server stopped taking connections
                    }
                    catch (Exception e) {
                        if (stop.get()) {
                            return;
                        }
                    }
                }
            }));
        }
        Thread readiness = Thread.ofPlatform().start(() -> {
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    readinessRefused.set(http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/readyz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 503);
                    return stop.get() || readinessRefused.get();
                });
            }
            catch (RuntimeException ended) {
                // the service stopped answering, or the test gave up: nothing more to learn
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 300);

        long signalled = System.nanoTime();
        service.terminate();
        int exit = service.awaitExit(Duration.ofSeconds(40));
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);
        stop.set(true);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(15));
        }
        readiness.join(Duration.ofSeconds(5));

        assertThat(exit).as("exit code").isZero();
        assertThat(took).as("drain time").isLessThan(Duration.ofSeconds(30));
        assertThat(readinessRefused).as("readiness turned to refusing while still answering").isTrue();
        assertThat(shuttingDown.get()).as("usage events refused while draining").isPositive();
        assertThat(retryAfterOnEvery503).as("Retry-After on every 503").isTrue();
        assertStructuredLogs(service.stdout(), org);

        try (EmbeddedPostgres database = service.database(); Connection db = database.getPostgresDatabase().getConnection()) {
            Set<String> charged = chargedEvents(db, org);
            assertThat(charged).as("every acknowledged charge is in the ledger").containsAll(acknowledged);
            assertThat(sent).as("nothing charged that was not sent").containsAll(charged);
            assertThat(balanceMatchesEntries(db, org)).as("balance = sum of the ledger's entries").isTrue();
        }
        System.out.printf("drain: %d acknowledged, %d refused shutting_down, exit %d after %d ms%n",
                acknowledged.size(), shuttingDown.get(), exit, took.toMillis());
    }

    private static void assertStructuredLogs(List<String> lines, UUID org) {
        assertThat(lines).isNotEmpty();
        boolean orgLine = false;
        boolean eventLine = false;
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.has("@timestamp") && entry.has("message") && entry.at("/log/level").isString()).as(line).isTrue();
            orgLine |= entry.has("orgId") && entry.get("orgId").asString().equals(org.toString());
            eventLine |= entry.has("eventId") && entry.has("orgId");
        }
        assertThat(orgLine).as("a line about the org carries its orgId: %s", lines).isTrue();
        assertThat(eventLine).as("the payment event's lines carry eventId and orgId").isTrue();
        assertThat(lines).anyMatch(line -> line.contains("new usage events are refused"));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest usageEvent(ServiceProcess service, String eventId, String workspace) {
        String body = JSON.writeValueAsString(Map.of("eventId", eventId, "workspaceId", workspace, "userId", ownerId,
                "credits", "0.01", "kind", "chat", "model", "gpt-x", "occurredAt", "2026-11-26T10:00:00Z"));
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/usage-events")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + SERVICE_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String ownerId;

    /** Sign-up, token, org, a starter top-up paid in the sandbox (1000 credits), a workspace billed to the org. */
    private UUID fundedOrgWithWorkspace(ServiceProcess service) throws Exception {
        String email = "drain-" + UUID.randomUUID() + "@example.com";
        JsonNode user = post(service, "/api/v1/auth/signup", null,
                Map.of("email", email, "password", "a long drain password", "displayName", "Drain"));
        ownerId = user.get("userId").asString();
        String token = post(service, "/api/v1/auth/tokens", null, Map.of("email", email, "password", "a long drain password"))
                .get("token").asString();
        UUID org = UUID.fromString(post(service, "/api/v1/orgs", token, Map.of("name", "Drain")).get("id").asString());
        String checkout = post(service, "/api/v1/orgs/" + org + "/wallet/topups", token, Map.of("packageId", "starter"))
                .get("checkoutUrl").asString();
        post(service, "/sandbox/api/checkout-sessions/" + checkout.substring(checkout.lastIndexOf('/') + 1) + "/complete", null, null);
        String workspace = "ws-drain-" + org;
        send(service, "PUT", "/api/v1/workspaces/" + workspace, SERVICE_TOKEN, Map.of("ownerUserId", ownerId, "name", "Drain"));
        send(service, "PUT", "/api/v1/workspaces/" + workspace + "/billing", token, Map.of("target", "org", "orgId", org.toString()));
        return org;
    }

    private JsonNode post(ServiceProcess service, String path, String token, Object body) throws Exception {
        return send(service, "POST", path, token, body);
    }

    private JsonNode send(ServiceProcess service, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static Set<String> chargedEvents(Connection db, UUID org) throws Exception {
        Set<String> charged = new java.util.HashSet<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT substring(idempotency_key from 7) FROM wallet_entry WHERE org_id = ? AND idempotency_key LIKE 'usage:%'")) {
            query.setObject(1, org);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    charged.add(rows.getString(1));
                }
            }
        }
        return charged;
    }

    private static boolean balanceMatchesEntries(Connection db, UUID org) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT w.balance = (SELECT sum(amount) FROM wallet_entry e WHERE e.org_id = w.org_id)
                  FROM wallet w WHERE w.org_id = ?""")) {
            query.setObject(1, org);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
