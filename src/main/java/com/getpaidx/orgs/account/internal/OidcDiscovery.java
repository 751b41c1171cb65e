package com.getpaidx.orgs.account.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.web.client.RestClient;

import com.getpaidx.orgs.account.OidcSignInProperties;

/**
 * The one client registration, "getpaidx", built from the provider's discovery document on the first sign-in
 * (not at startup, so the service starts while the app is down) and kept once it was read. The document is read
 * here rather than by Spring's {@code ClientRegistrations}, which would need the Nimbus OIDC SDK in the jar.
 */
final class OidcDiscovery implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "getpaidx";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final OidcSignInProperties properties;
    private final RestClient http = RestClient.create();
    private final AtomicReference<@Nullable ClientRegistration> registration = new AtomicReference<>();

    OidcDiscovery(OidcSignInProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration.get();
        if (known == null) {
            known = discover();
            registration.set(known);
        }
        return known;
    }

    private ClientRegistration discover() {
        String issuer = properties.issuer();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Map<String, Object> metadata = http.get().uri(base + "/.well-known/openid-configuration").retrieve().body(JSON);
        if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
            throw new IllegalStateException("The OpenID provider at " + issuer + " names another issuer: "
                    + (metadata == null ? null : metadata.get("issuer")));
        }
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("GetPaidX")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "email", "profile")
                .issuerUri(issuer)
                .authorizationUri(text(metadata, "authorization_endpoint"))
                .tokenUri(text(metadata, "token_endpoint"))
                .jwkSetUri(text(metadata, "jwks_uri"))
                .userInfoUri(metadata.get("userinfo_endpoint") instanceof String uri ? uri : null)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
    }

    private static String text(Map<String, Object> metadata, String name) {
        if (metadata.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IllegalStateException("The OpenID provider's discovery document has no " + name);
    }
}
