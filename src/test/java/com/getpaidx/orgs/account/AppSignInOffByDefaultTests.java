package com.getpaidx.orgs.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.getpaidx.orgs.support.IdentityProvider;
import com.getpaidx.orgs.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without getpaidx.auth.* (the service as an operator first runs it, in its own JVM): no "Sign in with GetPaidX",
 * no OAuth2 endpoints, and a JWT is just an unknown bearer token, answered exactly like one.
 */
@Execution(ExecutionMode.CONCURRENT) // its own processes: runs beside the shared context (junit-platform.properties)
class AppSignInOffByDefaultTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void nothingOfTheAppsSignInIsThere() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("off-by-default-service-token-0123456789abcdef")) {
            HttpResponse<String> login = get(service, "/login", null);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in").doesNotContain("Sign in with GetPaidX").doesNotContain("oauth2");

            HttpResponse<String> start = get(service, "/oauth2/authorization/getpaidx", null);
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));

            // a well-formed JWT, validly signed, of an issuer the service was not told about
            String jwt = new IdentityProvider(1).tokens().email("off@example.com", true).at(Instant.now()).sign();
            HttpResponse<String> withJwt = get(service, "/api/v1/me", jwt);
            HttpResponse<String> withUnknownToken = get(service, "/api/v1/me", "an-unknown-opaque-token");
            assertThat(withJwt.statusCode()).isEqualTo(401);
            assertThat(withJwt.body()).isEqualTo(withUnknownToken.body()).contains("\"code\":\"unauthorized\"");
        }
    }

    private HttpResponse<String> get(ServiceProcess service, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
