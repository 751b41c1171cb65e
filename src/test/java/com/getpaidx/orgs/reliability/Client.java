package com.getpaidx.orgs.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lean HTTP client for load: no contract check per exchange (support/Api does that for the functional tests;
 * at a million requests it would be the bottleneck). A request that gets no answer (timeout, refused
 * connection, reset) is an {@link Answer} with status 0: its outcome is unknown to the caller.
 */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "correct-horse-battery";

    record Answer(int status, @Nullable JsonNode body, boolean replayed) {

        boolean unknown() {
            return status == 0 || status >= 500;
        }

        @Nullable String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }

        String text(String field) {
            return body.get(field).asString();
        }
    }

    record User(UUID id, String email, String token) {
    }

    private final String baseUrl;
    private final String serviceToken;
    private final Duration timeout;
    private final java.util.function.Consumer<User> verifier;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    Client(String baseUrl, String serviceToken, Duration timeout) {
        this(baseUrl, serviceToken, timeout, user -> { });
    }

    /** @param verifier confirms a new user's address where the service sends mail (else accepting invitations fails) */
    Client(String baseUrl, String serviceToken, Duration timeout, java.util.function.Consumer<User> verifier) {
        this.verifier = verifier;
        this.baseUrl = baseUrl;
        this.serviceToken = serviceToken;
        this.timeout = timeout;
    }

    /** The same service with another patience (a 2 ms one mostly gets no answer: the outcome is unknown). */
    Client withTimeout(Duration other) {
        return new Client(baseUrl, serviceToken, other, verifier);
    }

    String serviceToken() {
        return serviceToken;
    }

    Answer send(String method, String path, @Nullable String token, @Nullable Object body) {
        String raw = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, raw == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(raw));
        if (raw != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean json = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
            return new Answer(response.statusCode(), json && !text.isBlank() ? JSON.readTree(text) : null,
                    response.headers().firstValue("Idempotent-Replayed").isPresent());
        }
        catch (IOException e) {
            return new Answer(0, null, false);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, false);
        }
    }

    Answer post(String path, @Nullable String token, @Nullable Object body) {
        return send("POST", path, token, body);
    }

    Answer put(String path, @Nullable String token, @Nullable Object body) {
        return send("PUT", path, token, body);
    }

    Answer get(String path, @Nullable String token) {
        return send("GET", path, token, null);
    }

    /** A 2xx answer, or an exception naming what came instead (for set-up steps, which must work). */
    Answer expect(Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(what + " failed: " + answer);
        }
        return answer;
    }

    User newUser(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        Answer signUp = expect(post("/api/v1/auth/signup", null, Map.of("email", email, "password", PASSWORD,
                "displayName", prefix)), "sign-up");
        Answer token = expect(post("/api/v1/auth/tokens", null, Map.of("email", email, "password", PASSWORD)), "token");
        User user = new User(UUID.fromString(signUp.text("userId")), email, token.text("token"));
        verifier.accept(user);
        return user;
    }
}
