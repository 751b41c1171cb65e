package com.getpaidx.orgs.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the running service, plus fixtures that build state through the public API.
 */
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PASSWORD = "correct-horse-battery";

    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(Environment environment) {
        this.environment = environment;
    }

    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }

        public String text(String field) {
            return body.get(field).asString();
        }
    }

    public record User(UUID id, String email, String token) {
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    /** Actuator's own port (health, Prometheus), a free one in the tests. */
    public String managementUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.management.port");
    }

    public String serviceToken() {
        return environment.getProperty("getpaidx.service-token");
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Response send(String method, String path, String token, Object body) {
        String raw = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        return sendRaw(method, path, token, raw, "application/json");
    }

    /** A download as text: GET with {@code Accept: accept}, the body kept as sent (CSV, say). */
    public Text text(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(120)).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            keepsToTheDocument(built, response);
            return new Text(response.statusCode(), response.body(), response.headers());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response whose body is not JSON. */
    public record Text(int status, String body, java.net.http.HttpHeaders headers) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    public Response sendRaw(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    /** GET on Actuator's port (health as JSON). */
    public Response management(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(managementUrl() + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** The Prometheus scrape, as text. */
    public String scrape() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            keepsToTheDocument(request, response);
            JsonNode json = text == null || text.isBlank() || !looksLikeJson(response) ? null : JSON.readTree(text);
            return new Response(response.statusCode(), json, response.headers());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every API exchange a test makes is checked against the live OpenAPI document; a mismatch fails that test. */
    private void keepsToTheDocument(HttpRequest request, HttpResponse<String> response) {
        if (!ContractValidator.covers(request.uri().getPath())) {
            return;
        }
        var authorization = request.headers().firstValue("Authorization");
        var exchange = new ContractValidator.Exchange(request.method(), request.uri(), authorization,
                request.headers().firstValue("Content-Type"), ContractValidator.bodyOf(request), response.statusCode(),
                response.headers().firstValue("Content-Type"), response.headers().firstValue("Idempotent-Replayed"),
                response.body());
        ContractValidator contract = ContractValidator.of(baseUrl());
        var mismatches = new java.util.ArrayList<>(contract.check(exchange));
        authorization.ifPresent(token -> mismatches.addAll(
                contract.checkTokenKind(exchange, ContractValidator.tokenKind(token, serviceToken()))));
        String record = System.getProperty("contract.record");
        if (record != null && !mismatches.isEmpty()) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(record), String.join("\n", mismatches) + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError("The API answered off its OpenAPI document:\n  " + String.join("\n  ", mismatches));
        }
    }

    private static boolean looksLikeJson(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").map(type -> type.contains("json")).orElse(false);
    }

    /** A fresh, signed-up user with an API token. */
    public User newUser() {
        return newUser("user");
    }

    public User newUser(String prefix) {
        String email = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response signUp = post("/api/v1/auth/signup", null,
                Map.of("email", email, "password", PASSWORD, "displayName", prefix + " " + SEQUENCE.get()));
        if (signUp.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + signUp);
        }
        Response token = post("/api/v1/auth/tokens", null, Map.of("email", email, "password", PASSWORD));
        return new User(UUID.fromString(signUp.text("userId")), email, token.text("token"));
    }

    /** A fresh organization owned by {@code owner}; returns its id. */
    public UUID newOrg(User owner) {
        Response created = post("/api/v1/orgs", owner.token(), Map.of("name", "Org " + SEQUENCE.incrementAndGet()));
        if (created.status() != 201) {
            throw new IllegalStateException("org creation failed: " + created);
        }
        return UUID.fromString(created.text("id"));
    }
}
