package com.getpaidx.orgs.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** With mail configured (GreenMail), an account proves its address with a single-use link. */
@IntegrationTest
class EmailVerificationIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Api.Response confirm(Api.User user, String token) {
        return api.post("/api/v1/me/email-verification/confirm", user.token(), Map.of("token", token));
    }

    private boolean verified(Api.User user) {
        return api.get("/api/v1/me", user.token()).body().get("emailVerified").asBoolean();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    void signUpSendsALinkThatConfirmsTheAddressOnce() {
        Api.User user = api.newUser();
        assertThat(verified(user)).isFalse();
        String link = fixtures.verificationLink(user.email(), 1);
        assertThat(link).startsWith(api.baseUrl() + "/settings/account/verify?token=");

        String token = fixtures.verificationToken(user.email(), 1);
        Api.Response confirmed = confirm(user, token);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("emailVerified").asBoolean()).isTrue();
        assertThat(verified(user)).isTrue();

        assertProblem(confirm(user, token), 400, "verification_link_invalid");
        assertProblem(api.post("/api/v1/me/email-verification", user.token(), null), 409, "email_already_verified");
    }

    @Test
    void onlyTheTokensHashIsStored() {
        Api.User user = api.newUser();
        String token = fixtures.verificationToken(user.email(), 1);
        Long clear = jdbc.sql("SELECT count(*) FROM email_verification WHERE encode(token_hash, 'escape') LIKE :t")
                .param("t", "%" + token + "%").query(Long.class).single();
        Long hashed = jdbc.sql("SELECT count(*) FROM email_verification WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token).query(Long.class).single();
        assertThat(clear).isZero();
        assertThat(hashed).isOne();
    }

    @Test
    void aLinkExpiresAfterTwentyFourHours() {
        Api.User user = api.newUser();
        String token = fixtures.verificationToken(user.email(), 1);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertProblem(confirm(user, token), 400, "verification_link_invalid");
        assertThat(verified(user)).isFalse();
    }

    @Test
    void aNewLinkReplacesTheOldOne() {
        Api.User user = api.newUser();
        String first = fixtures.verificationToken(user.email(), 1);
        Api.Response resent = api.post("/api/v1/me/email-verification", user.token(), null);
        assertThat(resent.status()).isEqualTo(202);
        assertThat(resent.text("emailDelivery")).isEqualTo("queued");
        String second = fixtures.verificationToken(user.email(), 2);
        assertThat(second).isNotEqualTo(first);

        assertProblem(confirm(user, first), 400, "verification_link_invalid");
        assertThat(confirm(user, second).status()).isEqualTo(200);
    }

    @Test
    void someoneElsesLinkNeitherConfirmsMeNorIsUsedUp() {
        Api.User owner = api.newUser();
        Api.User stranger = api.newUser();
        String token = fixtures.verificationToken(owner.email(), 1);
        assertProblem(confirm(stranger, token), 400, "verification_link_invalid");
        assertThat(verified(stranger)).isFalse();
        assertThat(confirm(owner, token).status()).isEqualTo(200);
    }

    @Test
    void badTokensAreRefusedWithAProblem() {
        Api.User user = api.newUser();
        assertProblem(confirm(user, ""), 400, "verification_link_invalid");
        assertProblem(confirm(user, "x".repeat(500)), 400, "verification_link_invalid");
        assertProblem(api.post("/api/v1/me/email-verification/confirm", user.token(), Map.of()), 400, "validation_failed");
        assertProblem(api.post("/api/v1/me/email-verification/confirm", null, Map.of("token", "t")), 401, "unauthorized");
        assertThat(verified(user)).isFalse();
    }

    /** Without a mail server an account counts as verified, unless the GetPaidX app signs it in and did not say so. */
    @ParameterizedTest(name = "mail {0}, verified {1}, app {2} → {3}")
    @CsvSource({
            "false, false, false, true",
            "false, false, true,  false",
            "false, true,  true,  true",
            "true,  false, false, false",
            "true,  false, true,  false",
            "true,  true,  false, true",
            "true,  true,  true,  true" })
    void whatCountsAsVerified(boolean mail, boolean verified, boolean fromApp, boolean counts) {
        assertThat(EmailVerification.counts(mail, verified ? Optional.of(clock.instant()) : Optional.empty(), fromApp))
                .isEqualTo(counts);
    }
}
