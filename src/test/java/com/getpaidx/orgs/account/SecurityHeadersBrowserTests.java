package com.getpaidx.orgs.account;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page runs under a Content-Security-Policy without inline script or style, and nothing on it
 * (our templates, htmx, copy.js) trips it: Chromium reports each violation as a
 * {@code securitypolicyviolation} event and a console error, and both are collected here.
 */
class SecurityHeadersBrowserTests extends BrowserTest {

    private static final String PAGE_POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    @Test
    void theMainPagesRunUnderTheStrictPolicyWithoutAViolation() {
        Api.User owner = api.newUser("csp");
        UUID org = api.newOrg(owner);
        String checkout = URI.create(api.post("/api/v1/orgs/" + org + "/wallet/topups", owner.token(),
                java.util.Map.of("packageId", "starter")).text("checkoutUrl")).getPath();
        Page page = newPage();
        List<String> violations = watchViolations(page);

        for (String path : List.of("/signup", "/login")) {
            assertStrictPage(page.navigate(path), path);
        }
        signIn(page, owner.email(), Api.PASSWORD);
        for (String path : List.of("/settings/organizations", "/settings/organizations/" + org, "/settings/workspaces",
                checkout, "/settings/organizations/" + UUID.randomUUID())) {
            assertStrictPage(page.navigate(path), path);
            assertThat(page.evaluate("() => typeof htmx")).as("htmx loaded on " + path).isEqualTo("object");
            assertThat(violations).as(path).isEmpty();
            PlaywrightAssertions.assertThat(page.locator("style")).hasCount(0);
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void htmxStillBoostsLinksAndFormsUnderThePolicy() {
        Api.User owner = api.newUser("csp");
        Page page = signedIn(owner);
        List<String> violations = watchViolations(page);
        List<String> htmxRequests = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if ("true".equals(request.headers().get("hx-request"))) {
                htmxRequests.add(request.method() + " " + URI.create(request.url()).getPath());
            }
        });
        String name = "Boosted " + UUID.randomUUID().toString().substring(0, 8);

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        button(page, "Create organization").click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All organizations")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Organizations");

        assertThat(htmxRequests).as("the form and the link went through htmx")
                .contains("POST /settings/organizations", "GET /settings/organizations");
        assertThat(violations).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheProtectiveHeaders() {
        Api.User user = api.newUser("csp");
        for (String path : List.of("/login", "/css/app.css", "/no-such-page", "/readyz")) {
            assertProtective(get(path, null), path).contains("default-src 'self'");
        }
        assertProtective(get("/api/v1/orgs", user.token()), "API").isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertProtective(get("/api/v1/orgs", null), "API problem").isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertProtective(get("/swagger-ui/index.html", null), "Swagger UI").contains("style-src 'self' 'unsafe-inline'");
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessConfigured() {
        Api.User owner = api.newUser("csp");
        UUID org = api.newOrg(owner);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/orgs/" + org + "/wallet/topups"))
                .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "application/json")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https")
                .POST(HttpRequest.BodyPublishers.ofString("{\"packageId\":\"starter\"}")).build();
        Api.Response topUp = api.exchange(request);
        assertThat(topUp.status()).isEqualTo(201);
        assertThat(topUp.text("checkoutUrl")).startsWith(api.baseUrl() + "/sandbox/checkout/");
    }

    private static void assertStrictPage(Response response, String path) {
        assertThat(response.status()).as(path).isLessThan(500);
        assertThat(response.headerValue("content-security-policy")).as(path).isEqualTo(PAGE_POLICY);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertProtective(Api.Response response, String what) {
        var headers = response.headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
        return assertThat(headers.firstValue("Content-Security-Policy").orElse("")).as(what);
    }

    private Api.Response get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.exchange(request.build());
    }

    /** Violations of this page from now on, across navigations: the event, and Chromium's console report. */
    private static List<String> watchViolations(Page page) {
        List<String> violations = new CopyOnWriteArrayList<>();
        page.exposeFunction("reportCspViolation", args -> violations.add(String.valueOf(args[0])));
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => window.reportCspViolation("
                + "e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))");
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        return violations;
    }
}
