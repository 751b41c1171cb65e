package com.getpaidx.orgs.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.getpaidx.orgs.account.JwtSignInProperties;
import com.getpaidx.orgs.account.internal.AppSignInResult.Refusal;
import com.getpaidx.orgs.account.internal.AppSignInResult.Refused;

/**
 * The API's door for the GetPaidX app's JWTs (Spring Security's resource-server decoder): an RS256 or ES256
 * signature by a key of the issuer's JWK set (an unknown key id refetches the set, rate-limited), this issuer,
 * this audience, an {@code exp} in the future and an {@code nbf} (when present) in the past, both with a minute's
 * leeway by the application's clock, and a {@code sub}.
 */
final class JwtSignIn {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder decoder;
    private final AppAccounts accounts;

    JwtSignIn(JwtSignInProperties properties, AppAccounts accounts, Clock clock) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .build();
        nimbus.setJwtValidator(validator(properties, clock));
        this.decoder = nimbus;
        this.accounts = accounts;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtSignInProperties properties, Clock clock) {
        var timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        String audience = properties.audience();
        return new DelegatingOAuth2TokenValidator<>(List.of(timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }

    /** A bearer token that has a JWT's shape; local API tokens are base64url, without dots. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    AppSignInResult signIn(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        }
        catch (JwtException e) {
            return new Refused(Refusal.TOKEN_INVALID);
        }
        return accounts.signIn(new AppIdentity(jwt.getClaimAsString(JwtClaimNames.ISS), jwt.getSubject(),
                jwt.getClaimAsString("email"), Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")),
                jwt.getClaimAsString("name")));
    }
}
