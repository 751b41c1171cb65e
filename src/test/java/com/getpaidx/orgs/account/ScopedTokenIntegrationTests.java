package com.getpaidx.orgs.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token does what its scopes allow and nothing more (403 insufficient_scope), on top of the caller's role; a
 * user lists and revokes their own tokens, never another's.
 */
@IntegrationTest
class ScopedTokenIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    private Api.Response issue(Api.User user, List<String> scopes) {
        return api.post("/api/v1/auth/tokens", null, Map.of("email", user.email(), "password", Api.PASSWORD,
                "scopes", scopes));
    }

    @Test
    void aTokenWithoutScopesAskedForHasThemAll() {
        Api.User user = api.newUser();
        Api.Response issued = api.post("/api/v1/auth/tokens", null, Map.of("email", user.email(), "password", Api.PASSWORD));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.body().path("scopes").valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder(
                "orgs:read", "orgs:write", "members:write", "billing:read", "billing:write", "seats:write");
    }

    @Test
    void aReadOnlyTokenReadsButCannotWriteEvenForAnOwner() throws Exception {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.Response issued = issue(owner, List.of("orgs:read"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.body().path("scopes").get(0).asString()).isEqualTo("orgs:read");
        String readOnly = issued.text("token");

        assertThat(api.get("/api/v1/orgs/" + org, readOnly).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", readOnly).status()).as("the caller's own account: any token").isEqualTo(200);
        Api.Response rename = api.patch("/api/v1/orgs/" + org, readOnly, Map.of("name", "Renamed"));
        assertThat(rename.status()).isEqualTo(403);
        assertThat(rename.code()).isEqualTo("insufficient_scope");
        assertThat(api.get("/api/v1/orgs/" + org + "/wallet", readOnly).code()).isEqualTo("insufficient_scope");
        try (HttpClient http = HttpClient.newHttpClient()) { // HEAD runs the GET handler: it needs GET's scope
            for (String list : List.of("/wallet", "/wallet/transactions")) {
                HttpRequest head = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/orgs/" + org + list))
                        .header("Authorization", "Bearer " + readOnly).method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build();
                assertThat(http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode()).as("HEAD " + list)
                        .isEqualTo(403);
            }
        }
        assertThat(api.get("/api/v1/orgs/" + org, owner.token()).body().path("name").asString()).isNotEqualTo("Renamed");
    }

    @Test
    void theScopeDoesNotLiftTheRoleCheck() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        String writer = issue(member, List.of("orgs:write")).text("token");

        Api.Response rename = api.patch("/api/v1/orgs/" + org, writer, Map.of("name", "Renamed"));
        assertThat(rename.status()).isEqualTo(403);
        assertThat(rename.code()).isEqualTo("forbidden");
    }

    @Test
    void unknownOrEmptyScopesAreRefused() {
        Api.User user = api.newUser();
        assertThat(issue(user, List.of("orgs:delete")).code()).isEqualTo("validation_failed");
        assertThat(issue(user, List.of()).code()).isEqualTo("validation_failed");
    }

    @Test
    void aUserListsTheirTokensWithoutSecretsAndRevokesOne() {
        Api.User user = api.newUser();
        Api.Response second = issue(user, List.of("billing:read", "orgs:read"));
        String secondToken = second.text("token");
        api.get("/api/v1/me", secondToken);

        Api.Response listed = api.get("/api/v1/me/tokens", user.token());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items")).hasSize(2);
        JsonNode newest = listed.body().path("items").get(0);
        assertThat(newest.path("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("billing:read", "orgs:read");
        assertThat(newest.path("lastUsedAt").isNull()).isFalse();
        assertThat(newest.path("expiresAt").asString()).isNotBlank();
        assertThat(listed.body().toString()).doesNotContain(secondToken).doesNotContain(user.token());

        Api.Response revoked = api.delete("/api/v1/me/tokens/" + newest.path("id").asString(), user.token());
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", secondToken).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/tokens", user.token()).body().path("items")).hasSize(1);
    }

    @Test
    void someoneElsesTokenIdIsNotFoundAndStaysValid() {
        Api.User owner = api.newUser();
        Api.User stranger = api.newUser();
        String id = api.get("/api/v1/me/tokens", owner.token()).body().path("items").get(0).path("id").asString();

        Api.Response response = api.delete("/api/v1/me/tokens/" + id, stranger.token());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("token_not_found");
        assertThat(api.get("/api/v1/me", owner.token()).status()).isEqualTo(200);
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        Api.User user = api.newUser();
        api.get("/api/v1/me", user.token());
        String first = lastUsed(user);
        api.get("/api/v1/me", user.token());
        api.get("/api/v1/me", user.token());
        assertThat(first).isNotNull();
        assertThat(lastUsed(user)).as("not moved within the minute").isEqualTo(first);
    }

    private String lastUsed(Api.User user) {
        return jdbc.sql("SELECT last_used_at::text FROM api_token WHERE user_id = :user")
                .param("user", user.id()).query(String.class).single();
    }
}
