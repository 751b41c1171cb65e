package com.getpaidx.orgs.support;

import java.net.InetAddress;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;


/**
 * The beans of {@link IdentityProvider}'s own server: Tomcat on the loopback port, Spring Authorization Server with
 * OpenID Connect, a default login form for the app's people, and one client, this service.
 */
@EnableWebSecurity // no @Configuration: the application's component scan must not find it
class IdentityProviderServer {

    @Bean
    TomcatServletWebServerFactory identityProviderTomcat(IdentityProvider provider) {
        var tomcat = new TomcatServletWebServerFactory(provider.port());
        tomcat.setAddress(InetAddress.getLoopbackAddress());
        // the security filters answer everything; a servlet must be mapped for them to run
        tomcat.setRegisterDefaultServlet(true);
        return tomcat;
    }

    /** Browsers keep cookies per host, not per port: the service's session cookie must survive a visit here. */
    @Bean
    ServletContextInitializer identityProviderSessionCookie() {
        return servletContext -> servletContext.getSessionCookieConfig().setName("IDP_SESSION");
    }

    @Bean
    DelegatingFilterProxyRegistrationBean securityFilters() {
        return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService people(IdentityProvider provider) {
        return provider.logins();
    }

    @Bean
    RegisteredClientRepository clients() {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId("getpaidx-organizations")
                .clientId(IdentityProvider.CLIENT_ID)
                .clientSecret("{noop}" + IdentityProvider.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // a loopback redirect URI matches on any port (RFC 8252 7.3), as the service's port is random
                .redirectUri("http://127.0.0.1/login/oauth2/code/getpaidx")
                .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProvider provider) {
        JWKSet keys = provider.publishedKeys();
        return new ImmutableJWKSet<>(keys);
    }

    @Bean
    JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings(IdentityProvider provider) {
        return AuthorizationServerSettings.builder().issuer(provider.issuer()).build();
    }

    /** The app's claims about the person, in its ID tokens and access tokens alike. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personClaims(IdentityProvider provider) {
        return context -> {
            IdentityProvider.Person person = provider.person(context.getPrincipal().getName());
            if (person == null) {
                return;
            }
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            context.getClaims().claims(claims -> claims.putAll(Map.of("email", person.email(),
                    "email_verified", person.emailVerified(), "name", person.name())));
            if (!idToken) {
                context.getClaims().audience(java.util.List.of(IdentityProvider.CLIENT_ID));
            }
        };
    }
}
