package com.getpaidx.orgs.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The account page lists the API tokens (scopes, last use, expiry) and revokes one with a plain form post. */
@IntegrationTest
class TokenPageIntegrationTests {

    @Autowired Api api;

    @Test
    void theAccountPageListsTokensAndRevokesOneWithoutJavaScript() {
        Api.User user = api.newUser();
        Api.Response scoped = api.post("/api/v1/auth/tokens", null, Map.of("email", user.email(), "password",
                Api.PASSWORD, "scopes", List.of("billing:read")));
        String id = api.get("/api/v1/me/tokens", user.token()).body().path("items").get(0).path("id").asString();
        PageSession session = PageSession.signedIn(api, user);

        String page = session.page("/settings/account");
        assertThat(page).contains("data-token-id=\"" + id + "\"").contains("billing:read")
                .contains("orgs:read, orgs:write").contains("Never").doesNotContain(scoped.text("token"));

        PageSession.Page revoked = session.post("/settings/account/tokens/" + id + "/revoke", List.of());
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(session.page("/settings/account")).doesNotContain("data-token-id=\"" + id + "\"")
                .contains("The API token is revoked.");
        assertThat(api.get("/api/v1/me", scoped.text("token")).status()).isEqualTo(401);
    }

    @Test
    void someoneElsesTokenCannotBeRevokedFromTheirPage() {
        Api.User owner = api.newUser();
        Api.User stranger = api.newUser();
        String id = api.get("/api/v1/me/tokens", owner.token()).body().path("items").get(0).path("id").asString();
        PageSession session = PageSession.signedIn(api, stranger);

        assertThat(session.post("/settings/account/tokens/" + id + "/revoke", List.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", owner.token()).status()).isEqualTo(200);
    }
}
