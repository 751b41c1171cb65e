package com.getpaidx.orgs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.account.internal.JdbcEmailVerificationRepository;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.AppTokens;
import com.getpaidx.orgs.support.AppTokens.Key;
import com.getpaidx.orgs.support.IdentityProvider;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The API takes the GetPaidX app's JWTs (getpaidx.auth.jwt.*, set in the test profile): one local user per (iss, sub). */
@IntegrationTest
class AppTokenSignInIntegrationTests {

    @Autowired Api api;
    @Autowired IdentityProvider identityProvider;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcEmailVerificationRepository verifications;

    private static String uniqueEmail() {
        return "app-" + UUID.randomUUID() + "@example.com";
    }

    private AppTokens token(String subject, String email) {
        return identityProvider.tokens().subject(subject).email(email, true).name("Ada Lovelace").at(clock.instant());
    }

    @Test
    void theFirstCallProvisionsAUserLinkedToTheIssuerAndSubject() {
        String subject = "app-user-" + UUID.randomUUID();
        String email = uniqueEmail();
        Api.Response me = api.get("/api/v1/me", token(subject, email).sign());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.text("displayName")).isEqualTo("Ada Lovelace");
        assertThat(me.body().get("emailVerified").asBoolean()).isTrue();
        UUID linked = jdbc.sql("SELECT user_id FROM app_user_identity WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", identityProvider.issuer()).param("subject", subject).query(UUID.class).single();
        assertThat(linked).isEqualTo(UUID.fromString(me.text("userId")));
        assertThat(verifications.proof(new UserId(linked)).orElseThrow().fromApp()).as("the app vouches").isTrue();
    }

    /** The tests run with a mail server; without one a local account counts as verified, an app user only if the app said so. */
    @Test
    void withoutAMailServerAnAppUsersAddressCountsOnlyWhenTheAppVerifiedIt() {
        String unverified = uniqueEmail();
        UserId app = new UserId(UUID.fromString(api.get("/api/v1/me",
                token("app-user-" + UUID.randomUUID(), unverified).email(unverified, false).sign()).text("userId")));
        UserId verifiedApp = new UserId(UUID.fromString(api.get("/api/v1/me",
                token("app-user-" + UUID.randomUUID(), uniqueEmail()).sign()).text("userId")));
        UserId local = new UserId(api.newUser("local").id());

        assertThat(EmailVerification.standing(verifications.proof(app).orElseThrow(), false))
                .isEqualTo(new AddressStanding(unverified, false, false));
        assertThat(EmailVerification.standing(verifications.proof(verifiedApp).orElseThrow(), false).verified()).isTrue();
        assertThat(EmailVerification.standing(verifications.proof(local).orElseThrow(), false).verified()).isTrue();
        assertThat(EmailVerification.standing(verifications.proof(local).orElseThrow(), true).verified()).isFalse();
    }

    @Test
    void es256TokensAreAcceptedLikeRs256Ones() {
        Api.Response me = api.get("/api/v1/me", token("app-user-" + UUID.randomUUID(), uniqueEmail()).signedBy(Key.EC).sign());
        assertThat(me.status()).isEqualTo(200);
    }

    @Test
    void theSamePersonKeepsOneUserWhenTheirEmailChanges() {
        String subject = "app-user-" + UUID.randomUUID();
        String first = api.get("/api/v1/me", token(subject, uniqueEmail()).sign()).text("userId");
        String newEmail = uniqueEmail();
        Api.Response later = api.get("/api/v1/me", token(subject, newEmail).name("Ada King").sign());
        assertThat(later.text("userId")).isEqualTo(first);
        assertThat(later.text("email")).isEqualTo(newEmail);
        assertThat(later.text("displayName")).isEqualTo("Ada King");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user_identity WHERE user_id = :id")
                .param("id", UUID.fromString(first)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnverifiedNewAddressIsTakenButNotCountedAsVerified() {
        String subject = "app-user-" + UUID.randomUUID();
        api.get("/api/v1/me", token(subject, uniqueEmail()).sign());
        String unverified = uniqueEmail();
        Api.Response later = api.get("/api/v1/me", token(subject, unverified).email(unverified, false).sign());
        assertThat(later.text("email")).isEqualTo(unverified);
        assertThat(later.body().get("emailVerified").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT email_verified_at IS NULL FROM app_user WHERE id = :id")
                .param("id", UUID.fromString(later.text("userId"))).query(Boolean.class).single()).isTrue();
    }

    @Test
    void anEmailChangeToAnotherAccountsAddressKeepsTheOldAddress() {
        Api.User local = api.newUser("local");
        String subject = "app-user-" + UUID.randomUUID();
        String own = uniqueEmail();
        api.get("/api/v1/me", token(subject, own).sign());
        Api.Response later = api.get("/api/v1/me", token(subject, local.email()).sign());
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.text("email")).isEqualTo(own);
        assertThat(api.get("/api/v1/me", local.token()).text("userId")).isEqualTo(local.id().toString());
    }

    @Test
    void anEmailOfALocalAccountNeverLinksToIt() {
        Api.User local = api.newUser("local");
        for (boolean verified : List.of(false, true)) {
            String jwt = identityProvider.tokens().email(local.email().toUpperCase(), verified).at(clock.instant()).sign();
            Api.Response refused = api.get("/api/v1/me", jwt);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app_user_identity WHERE user_id = :id")
                .param("id", local.id()).query(Long.class).single()).isZero();
        assertThat(api.post("/api/v1/auth/tokens", null, Map.of("email", local.email(), "password", Api.PASSWORD))
                .status()).isEqualTo(201);
    }

    @Test
    void aFirstCallWithoutAnEmailIsRefused() {
        Api.Response refused = api.get("/api/v1/me", identityProvider.tokens().at(clock.instant()).sign());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
    }

    @Test
    void aProvisionedUserHasNoPasswordToSignInWith() {
        String email = uniqueEmail();
        api.get("/api/v1/me", token("app-user-" + UUID.randomUUID(), email).sign());
        for (String password : List.of(Api.PASSWORD, "decoy-password-never-used", "")) {
            Api.Response refused = api.post("/api/v1/auth/tokens", null, Map.of("email", email, "password", password));
            assertThat(refused.status()).as(password).isIn(400, 401);
        }
    }

    @Test
    void theUserActsThroughTheApiLikeAnyOther() {
        String jwt = token("app-user-" + UUID.randomUUID(), uniqueEmail()).sign();
        Api.Response created = api.post("/api/v1/orgs", jwt, Map.of("name", "App people"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/orgs", jwt).body().get("items").size()).isEqualTo(1);
        Api.Response revoke = api.delete("/api/v1/auth/tokens/current", jwt);
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(revoke.code()).isEqualTo("forbidden");
    }

    @Test
    void concurrentFirstCallsOfOnePersonCreateOneUser() throws Exception {
        String jwt = token("app-user-" + UUID.randomUUID(), uniqueEmail()).sign();
        Callable<String> call = () -> api.get("/api/v1/me", jwt).text("userId");
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> answers = pool.invokeAll(java.util.Collections.nCopies(8, call));
            assertThat(answers.stream().map(answer -> {
                try {
                    return answer.get();
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct()).hasSize(1);
        }
    }
}
