package com.getpaidx.orgs.shared.apidocs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document a client is generated from: written to {@code target/openapi.json} on every build, equal to the
 * committed {@code docs/openapi.json} (which the build generates the test client from), and correct in the ways
 * a generated client relies on.
 */
@IntegrationTest
class ApiDocumentIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired Api api;

    private JsonNode document;

    @BeforeEach
    void read() {
        document = api.get("/v3/api-docs", null).body();
    }

    @Test
    void theBuildPublishesTheDocumentAndTheCommittedCopyIsCurrent() throws IOException {
        String text = JSON.writeValueAsString(document) + "\n";
        Files.writeString(Path.of("target", "openapi.json"), text);
        assertThat(Files.readString(Path.of("docs", "openapi.json")))
                .as("docs/openapi.json is behind the service: cp target/openapi.json docs/openapi.json "
                        + "(the test client is generated from it)")
                .isEqualTo(text);
    }

    @Test
    void itNamesItselfAndItsSecuritySchemes() {
        assertThat(document.get("info").get("title").asString()).isEqualTo("GetPaidX Organizations API");
        assertThat(document.get("info").get("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(document.get("components").get("securitySchemes").propertyNames())
                .containsExactlyInAnyOrder("bearerAuth", "serviceToken");
        assertThat(document.get("tags").valueStream().map(tag -> tag.get("name").asString()))
                .contains("account", "membership", "wallet", "usage", "seat", "sandbox");
    }

    @Test
    void everyOperationHasATagItsAccessJsonAndItsProblems() {
        List<String> wrong = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = entry.getValue();
            if (op.path("tags").size() != 1) {
                wrong.add(operation + " has tags " + op.path("tags"));
            }
            op.path("parameters").forEach(parameter -> {
                if (parameter.get("name").asString().equals("user")) {
                    wrong.add(operation + " takes the current user as a parameter");
                }
            });
            boolean open = path.getKey().startsWith("/sandbox/") || path.getKey().startsWith("/webhooks/")
                    || path.getKey().equals("/api/v1/auth/signup") || path.getKey().equals("/api/v1/auth/tokens");
            if (open == op.has("security")) {
                wrong.add(operation + " security " + op.path("security"));
            }
            op.get("responses").properties().forEach(response -> {
                int status = Integer.parseInt(response.getKey());
                JsonNode content = response.getValue().path("content");
                if (status >= 400 && (!content.has("application/problem+json") || content.size() != 1
                        || !response.getValue().get("description").asString().contains("Codes: `"))) {
                    wrong.add(operation + " " + status + " is not a problem with its codes");
                }
                if (status < 300 && content.size() > 0 && !content.has("application/json")) {
                    wrong.add(operation + " " + status + " answers " + content.propertyNames());
                }
            });
            if (!op.get("responses").has("500")) {
                wrong.add(operation + " lacks 500");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTwoTokenRequestsAreTwoSchemas() {
        JsonNode paths = document.get("paths");
        assertThat(paths.get("/api/v1/auth/tokens").get("post").get("requestBody").get("content").get("application/json")
                .get("schema").get("$ref").asString()).endsWith("/TokenRequest");
        assertThat(paths.get("/api/v1/invitations/accept").get("post").get("requestBody").get("content")
                .get("application/json").get("schema").get("$ref").asString()).endsWith("/InvitationTokenRequest");
        assertThat(document.get("components").get("schemas").get("TokenRequest").get("required").valueStream()
                .map(JsonNode::asString)).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void successStatusesAreTheOnesSent() {
        JsonNode paths = document.get("paths");
        assertThat(paths.get("/api/v1/orgs/{id}/wallet/topups").get("post").get("responses").propertyNames())
                .contains("201").doesNotContain("200");
        assertThat(paths.get("/api/v1/orgs/{id}/wallet/topups").get("post").get("responses").get("201").get("headers")
                .has("Idempotent-Replayed")).isTrue();
        assertThat(paths.get("/api/v1/usage-events").get("post").get("responses").get("200").get("headers")
                .get("Idempotent-Replayed").get("required").asBoolean()).isTrue();
        assertThat(paths.get("/api/v1/orgs/{id}/seats/assignments/{userId}").get("delete").get("responses").has("204"))
                .isTrue();
        assertThat(paths.get("/api/v1/usage-events").get("post").get("responses").propertyNames()).contains("200", "201");
    }
}
