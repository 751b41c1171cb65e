package com.getpaidx.orgs.shared;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input of every kind gets problem+json with a code; never a 500, never a partial write. */
@IntegrationTest
class ApiErrorIntegrationTests {

    @Autowired Api api;

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asString()).isNotBlank();
        assertThat(response.body().get("detail").asString()).isNotBlank();
    }

    private static String field(Api.Response response) {
        return response.body().get("errors").get(0).get("field").asString();
    }

    @Test
    void malformedJson() {
        Api.Response response = api.post("/api/v1/orgs", api.newUser().token(), "{\"name\": ");
        assertProblem(response, 400, "validation_failed");
        assertThat(field(response)).isEqualTo("body");
    }

    @Test
    void unknownFieldsAreRejected() {
        Api.Response response = api.post("/api/v1/orgs", api.newUser().token(), Map.of("name", "Acme", "owner", "me"));
        assertProblem(response, 400, "validation_failed");
        assertThat(field(response)).isEqualTo("owner");
    }

    @Test
    void wrongTypesAreRejectedNotCoerced() {
        Api.User user = api.newUser();
        Api.Response number = api.post("/api/v1/orgs", user.token(), Map.of("name", 42));
        assertProblem(number, 400, "validation_failed");
        assertThat(field(number)).isEqualTo("name");
        assertProblem(api.post("/api/v1/orgs", user.token(), Map.of("name", java.util.List.of("a"))), 400, "validation_failed");
        assertProblem(api.post("/api/v1/orgs", user.token(), "[]"), 400, "validation_failed");
        assertThat(api.get("/api/v1/orgs", user.token()).body().get("items")).isEmpty();
    }

    @Test
    void missingFieldsAreListed() {
        Api.Response response = api.post("/api/v1/auth/signup", null, Map.of());
        assertProblem(response, 400, "validation_failed");
        assertThat(response.body().get("errors")).extracting(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("email", "password", "displayName");
    }

    @Test
    void anEmptyBodyIsAValidationError() {
        assertProblem(api.sendRaw("POST", "/api/v1/orgs", api.newUser().token(), "", "application/json"), 400,
                "validation_failed");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"name\":\"" + "a".repeat(1024 * 1024 + 10) + "\"}";
        Api.User user = api.newUser();
        assertProblem(api.post("/api/v1/orgs", user.token(), huge), 413, "payload_too_large");
        assertThat(api.get("/api/v1/orgs", user.token()).body().get("items")).isEmpty();
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413Too() {
        String huge = "{\"name\":\"" + "a".repeat(1024 * 1024 + 10) + "\"}";
        byte[] bytes = huge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // a publisher of unknown length makes the client send Transfer-Encoding: chunked
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/orgs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + api.newUser().token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        assertProblem(api.exchange(request), 413, "payload_too_large");
    }

    @Test
    void unknownApiPathsAreJson404() {
        assertProblem(api.get("/api/v1/no-such-thing", api.newUser().token()), 404, "not_found");
    }

    @Test
    void aMissingTokenIs401() {
        assertProblem(api.get("/api/v1/orgs", null), 401, "unauthorized");
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        assertProblem(api.sendRaw("POST", "/api/v1/orgs", api.newUser().token(), "name=x", "text/plain"), 415,
                "unsupported_media_type");
    }

    @Test
    void aPathIdThatIsNoUuidIsAValidationError() {
        assertProblem(api.get("/api/v1/orgs/not-a-uuid", api.newUser().token()), 400, "validation_failed");
    }

    @Test
    void listLimitsAreBetweenOneAndTwoHundred() {
        Api.User user = api.newUser();
        assertProblem(api.get("/api/v1/orgs?limit=201", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/orgs?limit=0", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/orgs?limit=abc", user.token()), 400, "validation_failed");
        assertThat(api.get("/api/v1/orgs?limit=200", user.token()).status()).isEqualTo(200);
    }

    @Test
    void aForgedCursorIsAValidationError() {
        assertProblem(api.get("/api/v1/orgs?cursor=garbage!", api.newUser().token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/orgs/" + UUID.randomUUID() + "/members?cursor=Zm9v", api.newUser().token()), 400,
                "validation_failed");
    }

    @Test
    void creditsBeyondWhatALongHoldsAreRefusedNamingTheirField() {
        Api.User owner = api.newUser();
        UUID org = api.newOrg(owner);
        Api.Response response = api.put("/api/v1/orgs/" + org + "/spend-policy", owner.token(), Map.of(
                "spenders", "all_members", "selectedUserIds", java.util.List.of(), "paused", false,
                "memberMonthlyLimit", "9999999999999"));
        assertProblem(response, 400, "validation_failed");
        assertThat(field(response)).isEqualTo("memberMonthlyLimit");
        assertThat(api.get("/api/v1/orgs/" + org + "/spend-policy", owner.token()).body().get("memberMonthlyLimit").isNull())
                .isTrue();
    }

    @Test
    void aFractionalCountIsRefusedNotTruncated() {
        Api.User owner = api.newUser();
        UUID org = api.newOrg(owner);
        Api.Response response = api.post("/api/v1/orgs/" + org + "/seats/checkout", owner.token(), Map.of("quantity", 1.5));
        assertProblem(response, 400, "validation_failed");
        assertThat(field(response)).isEqualTo("quantity");
    }
}
