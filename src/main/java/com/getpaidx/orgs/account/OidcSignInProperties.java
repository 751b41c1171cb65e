package com.getpaidx.orgs.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * "Sign in with GetPaidX" on the sign-in page (OpenID Connect, authorization code with PKCE). Off unless all
 * three are set; the provider's endpoints are read from {@code <issuer>/.well-known/openid-configuration} on the
 * first sign-in. The app must allow the redirect URI {@code <public base URL>/login/oauth2/code/getpaidx}.
 *
 * @param issuer the app's OpenID provider, e.g. {@code https://accounts.getpaidx.com}
 * @param clientId this service's client id at the provider
 * @param clientSecret this service's client secret at the provider
 */
@ConfigurationProperties("getpaidx.auth.oidc")
public record OidcSignInProperties(
        @Nullable String issuer,
        @Nullable String clientId,
        @Nullable String clientSecret) {

    public boolean enabled() {
        return present(issuer) && present(clientId) && present(clientSecret);
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "OidcSignInProperties[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=(hidden)]";
    }
}
