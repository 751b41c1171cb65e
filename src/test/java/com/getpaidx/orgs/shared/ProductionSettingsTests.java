package com.getpaidx.orgs.shared;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.ForwardedHeaderFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProductionSettingsTests {

    @Test
    void productionRequiresABaseUrl() {
        assertThatExceptionOfType(StartupRefused.class)
                .isThrownBy(() -> properties("production", null))
                .withMessageContaining("GETPAIDX_BASE_URL")
                .withMessageContaining("required in production");
        assertThat(properties("production", "https://orgs.example.com").link("/invitations/accept"))
                .isEqualTo("https://orgs.example.com/invitations/accept");
        assertThat(properties("local", null).baseUrl()).isNull();
    }

    /** A deployment that names its environment otherwise must not run as local (generated secrets, the sandbox). */
    @Test
    void anEnvironmentOtherThanLocalOrProductionIsRefused() {
        for (String other : new String[] { "prod", "staging", "" }) {
            assertThatExceptionOfType(StartupRefused.class)
                    .isThrownBy(() -> properties(other, "https://orgs.example.com"))
                    .withMessageContaining("GETPAIDX_ENVIRONMENT");
        }
        assertThat(properties("PRODUCTION", "https://orgs.example.com").production()).isTrue();
    }

    @Test
    void aBaseUrlIsAnAbsoluteHttpUrl() {
        for (String wrong : new String[] { "orgs.example.com", "/orgs", "ftp://orgs.example.com" }) {
            assertThatExceptionOfType(StartupRefused.class).as(wrong)
                    .isThrownBy(() -> properties("local", wrong))
                    .withMessageContaining("not an absolute http(s) URL");
        }
    }

    @Test
    void withABaseUrlLinksIgnoreTheHostHeader() {
        var request = new MockHttpServletRequest("GET", "/settings/organizations");
        request.setServerName("evil.example");
        request.addHeader("Host", "evil.example");
        String link = inRequest(request, () -> properties("production", "https://orgs.example.com").link("/x"));
        assertThat(link).isEqualTo("https://orgs.example.com/x");
    }

    @Test
    void forwardedHeadersShapeLocalLinksOnlyThroughTheConfiguredFilter() throws Exception {
        var request = new MockHttpServletRequest("GET", "/settings/organizations");
        request.setServerName("10.0.0.5");
        request.setServerPort(8080);
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "orgs.example.com");
        request.addHeader("X-Forwarded-Port", "443");
        GetPaidXProperties local = properties("local", null);

        assertThat(inRequest(request, () -> local.link("/x"))).as("server.forward-headers-strategy=none")
                .isEqualTo("http://10.0.0.5:8080/x");

        // server.forward-headers-strategy=framework installs this filter (native: Tomcat's RemoteIpValve)
        AtomicReference<String> link = new AtomicReference<>();
        new ForwardedHeaderFilter().doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest forwarded,
                            jakarta.servlet.http.HttpServletResponse response) {
                        link.set(inRequest(forwarded, () -> local.link("/x")));
                    }
                }));
        assertThat(link.get()).isEqualTo("https://orgs.example.com/x");
    }

    @Test
    void productionHasNoSwaggerUi() {
        assertThat(safeDefaults(new MockEnvironment().withProperty("getpaidx.environment", "production"))
                .getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
        assertThat(safeDefaults(new MockEnvironment()).getProperty("springdoc.swagger-ui.enabled")).isNull();
    }

    @Test
    void anHttpsBaseUrlMakesTheSessionCookieSecure() {
        String secure = "server.servlet.session.cookie.secure";
        assertThat(safeDefaults(new MockEnvironment().withProperty("getpaidx.base-url", "https://orgs.example.com"))
                .getProperty(secure)).isEqualTo("true");
        assertThat(safeDefaults(new MockEnvironment().withProperty("getpaidx.base-url", "http://localhost:8080"))
                .getProperty(secure)).isNull();
        assertThat(safeDefaults(new MockEnvironment()
                .withProperty("getpaidx.base-url", "https://orgs.example.com").withProperty(secure, "false"))
                .getProperty(secure)).as("an explicit setting wins").isEqualTo("false");
    }

    private static MockEnvironment safeDefaults(MockEnvironment environment) {
        new SafeDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static GetPaidXProperties properties(String environment, String baseUrl) {
        return new GetPaidXProperties(environment, baseUrl == null ? null : URI.create(baseUrl), null,
                Path.of(".data/service-token"));
    }

    private static String inRequest(jakarta.servlet.http.HttpServletRequest request, java.util.function.Supplier<String> action) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return action.get();
        }
        finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
