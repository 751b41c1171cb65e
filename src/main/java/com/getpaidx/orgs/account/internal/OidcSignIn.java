package com.getpaidx.orgs.account.internal;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.getpaidx.orgs.account.OidcSignInProperties;
import com.getpaidx.orgs.account.internal.AppSignInResult.Linked;
import com.getpaidx.orgs.account.internal.AppSignInResult.Refused;
import com.getpaidx.orgs.shared.CurrentUser;

/**
 * "Sign in with GetPaidX" on the pages: Spring Security's OAuth2 login (authorization code with PKCE, the ID token
 * checked against the provider's keys), then the same link by ({@code iss}, {@code sub}) as the API's JWTs. The
 * session then holds the plain signed-in user, as after a password sign-in, so nothing else tells the two apart.
 */
final class OidcSignIn {

    /** The app sends the person back to {@code /login/oauth2/code/getpaidx}; the sign-in page links to its start. */
    static final String REGISTRATION_ID = OidcDiscovery.REGISTRATION_ID;

    private OidcSignIn() {
    }

    /** Adds the OAuth2 login to the pages; answers the provider that turns a returned code into the linked user. */
    static AuthenticationProvider apply(HttpSecurity http, OidcSignInProperties properties, AppAccounts accounts)
            throws Exception {
        var linking = linking(properties, accounts);
        var registrations = new OidcDiscovery(properties);
        var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var afterwards = new SavedRequestAwareAuthenticationSuccessHandler();
        afterwards.setDefaultTargetUrl("/settings/organizations");
        var contexts = new HttpSessionSecurityContextRepository();
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(linking))
                .failureUrl("/login?error")
                .successHandler((request, response, authentication) -> {
                    CurrentUser user = ((LinkedOidcUser) authentication.getPrincipal()).user;
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                            List.of(new SimpleGrantedAuthority(Roles.USER))));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                    afterwards.onAuthenticationSuccess(request, response, context.getAuthentication());
                }));
        // the pages' authentication manager is explicit (the password check), so the login's provider joins it there
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                linking);
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> linking(OidcSignInProperties properties,
            AppAccounts accounts) {
        var provider = new OidcUserService();
        return request -> {
            OidcUser person = provider.loadUser(request);
            var identity = new AppIdentity(properties.issuer(), person.getSubject(), person.getEmail(),
                    Boolean.TRUE.equals(person.getEmailVerified()), person.getFullName());
            return switch (accounts.signIn(identity)) {
                case Linked linked -> new LinkedOidcUser(person, linked.user());
                case Refused refused -> throw new OAuth2AuthenticationException(
                        new OAuth2Error("app_sign_in_refused"), refused.why().detail());
            };
        };
    }

    /** The provider's person, with the local user they are linked to; lives only until the success handler. */
    private static final class LinkedOidcUser extends DefaultOidcUser {

        private final CurrentUser user;

        LinkedOidcUser(OidcUser person, CurrentUser user) {
            super(person.getAuthorities(), person.getIdToken(), person.getUserInfo());
            this.user = user;
        }
    }
}
