package com.getpaidx.orgs.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DocsIntegrationTests {

    @Autowired Api api;

    @Test
    void theOpenApiDocumentListsEveryEndpoint() {
        JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");
        assertThat(paths.propertyNames()).contains(
                "/api/v1/auth/signup", "/api/v1/auth/tokens", "/api/v1/auth/tokens/current", "/api/v1/me",
                "/api/v1/orgs", "/api/v1/orgs/{id}", "/api/v1/orgs/{id}/archive", "/api/v1/orgs/{id}/unarchive",
                "/api/v1/orgs/{id}/members", "/api/v1/orgs/{id}/members/{userId}", "/api/v1/orgs/{id}/audit-events");
        assertThat(paths.get("/api/v1/orgs/{id}").propertyNames()).contains("get", "patch");
        assertThat(paths.get("/api/v1/orgs/{id}/members/{userId}").propertyNames()).contains("patch", "delete");
        assertThat(paths.propertyNames()).noneMatch(path -> path.contains("**"));
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/swagger-ui.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void healthIsUpWithTheDatabaseAnswering() {
        Api.Response health = api.management("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().get("components").get("db").get("status").asString()).isEqualTo("UP");
    }
}
