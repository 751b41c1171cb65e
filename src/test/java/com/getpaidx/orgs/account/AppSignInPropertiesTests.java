package com.getpaidx.orgs.account;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppSignInPropertiesTests {

    @Test
    void jwtSignInNeedsBothTheIssuerAndTheKeySet() {
        URI keys = URI.create("https://accounts.example.com/oauth2/jwks");
        assertThat(new JwtSignInProperties(null, null, "getpaidx-organizations").enabled()).isFalse();
        assertThat(new JwtSignInProperties("https://accounts.example.com", null, "a").enabled()).isFalse();
        assertThat(new JwtSignInProperties(" ", keys, "a").enabled()).isFalse();
        assertThat(new JwtSignInProperties("https://accounts.example.com", keys, "a").enabled()).isTrue();
    }

    @Test
    void oidcSignInNeedsTheIssuerTheClientIdAndItsSecret() {
        assertThat(new OidcSignInProperties("https://accounts.example.com", "orgs", null).enabled()).isFalse();
        assertThat(new OidcSignInProperties("https://accounts.example.com", "", "s3cret").enabled()).isFalse();
        assertThat(new OidcSignInProperties(null, "orgs", "s3cret").enabled()).isFalse();
        assertThat(new OidcSignInProperties("https://accounts.example.com", "orgs", "s3cret").enabled()).isTrue();
    }

    @Test
    void theClientSecretStaysOutOfToString() {
        assertThat(new OidcSignInProperties("https://accounts.example.com", "orgs", "s3cret-value").toString())
                .doesNotContain("s3cret-value").contains("orgs");
    }
}
