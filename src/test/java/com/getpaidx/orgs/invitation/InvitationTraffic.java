package com.getpaidx.orgs.invitation;

import java.util.Map;
import java.util.UUID;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitations and the accounts that take them, through the public API. */
final class InvitationTraffic {

    private final Api api;
    private final Fixtures fixtures;

    InvitationTraffic(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    static String invitations(UUID org) {
        return "/api/v1/orgs/" + org + "/invitations";
    }

    static String newAddress() {
        return "invitee-" + UUID.randomUUID() + "@example.com";
    }

    Api.Response invite(UUID org, Api.User by, String email, String role) {
        return api.post(invitations(org), by.token(), Map.of("email", email, "role", role));
    }

    Api.Response accept(String token, Api.User as) {
        return api.post("/api/v1/invitations/accept", as.token(), Map.of("token", token));
    }

    Api.Response preview(String token, Api.User as) {
        return api.post("/api/v1/invitations/preview", as.token(), Map.of("token", token));
    }

    /** A signed-up account for exactly this address, which it has confirmed. */
    Api.User accountFor(String email) {
        Api.User user = unverifiedAccountFor(email);
        fixtures.verifyEmail(user);
        return user;
    }

    Api.User unverifiedAccountFor(String email) {
        api.post("/api/v1/auth/signup", null, Map.of("email", email, "password", Api.PASSWORD, "displayName", "Invitee"));
        String token = api.post("/api/v1/auth/tokens", null, Map.of("email", email, "password", Api.PASSWORD)).text("token");
        return new Api.User(UUID.fromString(api.get("/api/v1/me", token).text("userId")), email, token);
    }

    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }
}
