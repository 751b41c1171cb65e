package com.getpaidx.orgs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.AppTokens;
import com.getpaidx.orgs.support.AppTokens.Key;
import com.getpaidx.orgs.support.IdentityProvider;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a JWT can be not the GetPaidX app's, for this service, now: 401 {@code unauthorized}, and no user made. */
@IntegrationTest
class AppTokenRefusalIntegrationTests {

    @Autowired Api api;
    @Autowired IdentityProvider identityProvider;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static Stream<Arguments> wrongTokens() {
        return Stream.of(
                wrong("wrong issuer", t -> t.issuer("http://127.0.0.1:1")),
                wrong("issuer with another path", t -> t.issuer(t.issuerValue() + "/other")),
                wrong("wrong audience", t -> t.audience("another-service")),
                wrong("no audience", t -> t.audience()),
                wrong("expired beyond the minute's leeway", t -> t.expiresAt(t.issuedAtValue().minusSeconds(61))),
                wrong("no expiry", t -> t.expiresAt(null)),
                wrong("not yet valid beyond the leeway", t -> t.notBefore(t.issuedAtValue().plusSeconds(120))),
                wrong("signed by a stranger under the provider's key id", t -> t.signedBy(Key.STRANGER_RSA)),
                wrong("signed under a key id the provider never published", t -> t.signedBy(Key.UNKNOWN_KEY_ID)));
    }

    private static Arguments wrong(String why, UnaryOperator<AppTokens> spoil) {
        return Arguments.of(why, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTokens")
    void isRefused(String why, UnaryOperator<AppTokens> spoil) {
        String email = "refused-" + UUID.randomUUID() + "@example.com";
        String jwt = spoil.apply(identityProvider.tokens().email(email, true).at(clock.instant())).sign();
        assertRefused(jwt);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String jwt = identityProvider.tokens().email("tamper-" + UUID.randomUUID() + "@example.com", true)
                .at(clock.instant()).sign();
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("tamper-", "victim-");
        assertRefused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2]);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String jwt = identityProvider.tokens().email("none-" + UUID.randomUUID() + "@example.com", true)
                .at(clock.instant()).sign();
        assertRefused(header + "." + jwt.split("\\.")[1] + ".");
    }

    @Test
    void aTokenThatExpiredWhileTheClockMovedOnIsRefused() {
        String jwt = identityProvider.tokens().email("late-" + UUID.randomUUID() + "@example.com", true)
                .at(clock.instant()).sign();
        assertThat(api.get("/api/v1/me", jwt).status()).isEqualTo(200);
        try {
            clock.advance(Duration.ofMinutes(7));
            assertRefused(jwt);
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void localTokensAndTheServiceTokenKeepWorking() {
        Api.User local = api.newUser("local");
        assertThat(api.get("/api/v1/me", local.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + local.id() + "/entitlements", api.serviceToken()).status()).isEqualTo(200);
        assertRefused("not.a.jwt");
    }

    private void assertRefused(String jwt) {
        Api.Response refused = api.get("/api/v1/me", jwt);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
