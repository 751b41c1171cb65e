package com.getpaidx.orgs.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountIntegrationTests {

    @Autowired Api api;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String uniqueEmail() {
        return "acc-" + UUID.randomUUID() + "@Example.com";
    }

    private Api.Response signUp(String email, String password) {
        return api.post("/api/v1/auth/signup", null, Map.of("email", email, "password", password, "displayName", "Grace"));
    }

    private Api.Response token(String email, String password) {
        return api.post("/api/v1/auth/tokens", null, Map.of("email", email, "password", password));
    }

    @Test
    void signUpReturnsTheNewUserId() {
        Api.Response response = signUp(uniqueEmail(), Api.PASSWORD);
        assertThat(response.status()).isEqualTo(201);
        assertThat(UUID.fromString(response.text("userId"))).isNotNull();
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String email = uniqueEmail();
        assertThat(signUp(email, Api.PASSWORD).status()).isEqualTo(201);
        Api.Response again = signUp(email.toUpperCase(), Api.PASSWORD);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("email_taken");
    }

    @Test
    void passwordsShorterThanTenCharactersAreRefused() {
        Api.Response response = signUp(uniqueEmail(), "123456789");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void malformedEmailsAndBlankNamesAreRefused() {
        assertThat(signUp("not-an-email", Api.PASSWORD).code()).isEqualTo("validation_failed");
        Api.Response blankName = api.post("/api/v1/auth/signup", null,
                Map.of("email", uniqueEmail(), "password", Api.PASSWORD, "displayName", "   "));
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.body().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
    }

    @Test
    void passwordsAreStoredHashedNeverInClear() {
        String email = uniqueEmail();
        signUp(email, Api.PASSWORD);
        String stored = jdbc.sql("SELECT password_hash FROM app_user WHERE lower(email) = lower(:email)")
                .param("email", email).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(Api.PASSWORD);
    }

    @Test
    void tokensAreIssuedForTheRightPasswordWhateverTheEmailCase() {
        String email = uniqueEmail();
        signUp(email, Api.PASSWORD);
        Api.Response issued = token(email.toLowerCase(), Api.PASSWORD);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.text("token")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(java.time.Instant.parse(issued.text("expiresAt")))
                .isBetween(clock.instant().plus(Duration.ofDays(29)), clock.instant().plus(Duration.ofDays(31)));

        Api.Response me = api.get("/api/v1/me", issued.text("token"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.text("displayName")).isEqualTo("Grace");
    }

    @Test
    void tokensAreStoredAsHashesOnly() {
        Api.User user = api.newUser();
        Long clear = jdbc.sql("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE :token")
                .param("token", "%" + user.token() + "%").query(Long.class).single();
        assertThat(clear).isZero();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail();
        signUp(email, Api.PASSWORD);
        Api.Response wrongPassword = token(email, "wrong-password-1");
        Api.Response unknownEmail = token(uniqueEmail(), Api.PASSWORD);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("invalid_credentials");
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body().get("detail")).isEqualTo(wrongPassword.body().get("detail"));
    }

    @Test
    void fiveFailuresLockTheEmailUntilTheWindowPasses() {
        String email = uniqueEmail();
        signUp(email, Api.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(token(email, "wrong-password-" + i).code()).isEqualTo("invalid_credentials");
        }
        Api.Response locked = token(email, Api.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("too_many_attempts");

        clock.advance(Duration.ofMinutes(16));
        assertThat(token(email, Api.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void ofAHundredAndFiftyParallelGuessesAtMostFiveReachThePasswordCheck() throws Exception {
        String email = uniqueEmail();
        signUp(email, Api.PASSWORD);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> guesses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(150)) {
            for (int i = 0; i < 150; i++) {
                String guess = "wrong-password-" + i;
                guesses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return token(email.toUpperCase(), guess);
                }, pool));
            }
            start.countDown();
            List<Api.Response> answers = guesses.stream().map(CompletableFuture::join).toList();
            assertThat(answers).filteredOn(r -> r.status() == 401)
                    .hasSizeLessThanOrEqualTo(5)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo("invalid_credentials"));
            assertThat(answers).filteredOn(r -> r.status() == 429)
                    .hasSizeGreaterThanOrEqualTo(145)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo("too_many_attempts"));
        }
        assertThat(token(email, Api.PASSWORD).code()).isEqualTo("too_many_attempts");
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        String email = uniqueEmail();
        signUp(email, Api.PASSWORD);
        for (int i = 0; i < 4; i++) {
            token(email, "wrong-password-" + i);
        }
        assertThat(token(email, Api.PASSWORD).status()).isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(token(email, "wrong-password-" + i).code()).isEqualTo("invalid_credentials");
        }
        assertThat(token(email, Api.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void failuresForOneEmailDoNotLockAnother() {
        String victim = uniqueEmail();
        String bystander = uniqueEmail();
        signUp(victim, Api.PASSWORD);
        signUp(bystander, Api.PASSWORD);
        for (int i = 0; i < 6; i++) {
            token(victim, "wrong-password-" + i);
        }
        assertThat(token(bystander, Api.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Api.User user = api.newUser();
        assertThat(api.delete("/api/v1/auth/tokens/current", user.token()).status()).isEqualTo(204);
        Api.Response after = api.get("/api/v1/me", user.token());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("unauthorized");
    }

    @Test
    void revokingOneTokenLeavesTheOthers() {
        Api.User user = api.newUser();
        String second = token(user.email(), Api.PASSWORD).text("token");
        api.delete("/api/v1/auth/tokens/current", user.token());
        assertThat(api.get("/api/v1/me", second).status()).isEqualTo(200);
    }

    @Test
    void tokensExpireAfterThirtyDays() {
        Api.User user = api.newUser();
        clock.advance(Duration.ofDays(29));
        assertThat(api.get("/api/v1/me", user.token()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        Api.Response expired = api.get("/api/v1/me", user.token());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("unauthorized");
    }

    @Test
    void missingOrUnknownTokensAre401() {
        assertThat(api.get("/api/v1/me", null).code()).isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/me", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void theServiceTokenIsNoUser() {
        Api.Response response = api.get("/api/v1/me", api.serviceToken());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(api.get("/api/v1/orgs", api.serviceToken()).status()).isEqualTo(403);
    }

    @Test
    void aUserTokenIsNotAcceptedWhereTheServiceTokenIsRequired() {
        Api.User user = api.newUser();
        for (String path : new String[] { "/api/v1/usage-events", "/api/v1/usage-events/batch" }) {
            Api.Response response = api.post(path, user.token(), Map.of());
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.code()).isEqualTo("forbidden");
        }
        assertThat(api.put("/api/v1/workspaces/" + UUID.randomUUID(), user.token(), Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users/" + user.id() + "/entitlements", user.token()).status()).isEqualTo(403);
    }

    @Test
    void theServiceTokenPassesTheDoorOfServiceEndpoints() {
        // the empty body gets past security and is judged on its merits: 400, not 401/403
        Api.Response response = api.post("/api/v1/usage-events", api.serviceToken(), Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/workspaces/no-such-workspace/billing", api.serviceToken()).code())
                .isEqualTo("workspace_not_found");
    }
}
