package com.getpaidx.orgs.account.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import com.getpaidx.orgs.account.AccountProperties;
import com.getpaidx.orgs.account.JwtSignInProperties;
import com.getpaidx.orgs.account.OidcSignInProperties;
import com.getpaidx.orgs.shared.web.ProblemWriter;

/**
 * Two doors: {@code /api/**} takes bearer tokens (the GetPaidX app's JWTs too, when configured) and answers
 * problem+json, statelessly; the pages use a form login (and "Sign in with GetPaidX", when configured), a session
 * cookie and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String USER = "USER";
    private static final String SERVICE = "SERVICE";

    /** Spring Security's delegating encoder: hashes carry their algorithm, so the strength can rise later. */
    @Bean
    PasswordEncoder passwordEncoder(AccountProperties properties) {
        var bcrypt = new BCryptPasswordEncoder(properties.passwordHashStrength());
        var encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        return encoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ServiceToken serviceToken, JdbcTokenRepository tokens,
            ProblemWriter problems, Clock clock, JwtSignInProperties jwtProperties, AppAccounts appAccounts)
            throws Exception {
        JwtSignIn jwt = jwtProperties.enabled() ? new JwtSignIn(jwtProperties, appAccounts, clock) : null;
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .headers(SecurityHeaders::api)
                .addFilterBefore(new BearerTokenFilter(serviceToken, tokens, problems, clock, jwt),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/tokens").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/workspaces/*").hasRole(SERVICE)
                        .requestMatchers("/api/v1/usage-events", "/api/v1/usage-events/**").hasRole(SERVICE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/users/*/entitlements").hasRole(SERVICE)
                        .requestMatchers("/api/v1/event-deliveries", "/api/v1/event-deliveries/**").hasRole(SERVICE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/workspaces/*/billing").hasAnyRole(USER, SERVICE)
                        .anyRequest().hasRole(USER))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in: this endpoint needs a bearer token."))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "This kind of token is not accepted here.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, PasswordLoginProvider passwordLogin,
            OidcSignInProperties oidcProperties, AppAccounts appAccounts) throws Exception {
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(passwordLogin));
        if (oidcProperties.enabled()) {
            providers.add(OidcSignIn.apply(http, oidcProperties, appAccounts));
        }
        http.authenticationManager(new ProviderManager(providers))
                .headers(SecurityHeaders::pages)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signup", "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/livez", "/readyz",
                                // the management port is on loopback (or a network the operator chose) only
                                "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webhooks/**", "/sandbox/**")
                        .permitAll()
                        .anyRequest().authenticated())
                // signed webhooks and the sandbox's Stripe-like test API authenticate by other means (or not at all)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/sandbox/api/**"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/settings/organizations")
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"));
        return http.build();
    }
}
