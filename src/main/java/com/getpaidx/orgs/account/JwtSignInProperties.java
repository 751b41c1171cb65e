package com.getpaidx.orgs.account;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in on the API with the GetPaidX app's JWTs (RS256 or ES256). Off unless both the issuer and the key set
 * are set; then {@code Authorization: Bearer <jwt>} works beside the local API tokens and the service token.
 *
 * @param issuer the {@code iss} every accepted token carries, e.g. {@code https://accounts.getpaidx.com}
 * @param jwkSetUri where the issuer publishes its public keys (a JWK set), fetched and cached as needed
 * @param audience a value the token's {@code aud} must contain
 */
@ConfigurationProperties("getpaidx.auth.jwt")
public record JwtSignInProperties(
        @Nullable String issuer,
        @Nullable URI jwkSetUri,
        @DefaultValue("getpaidx-organizations") String audience) {

    public boolean enabled() {
        return issuer != null && !issuer.isBlank() && jwkSetUri != null;
    }
}
