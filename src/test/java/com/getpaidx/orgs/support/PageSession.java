package com.getpaidx.orgs.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user signed in to the pages over plain HTTP (the login form, its CSRF token, the session cookie): for
 * tests that read a rendered page without starting a browser.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static PageSession signIn(Api api, Api.User user) {
        PageSession session = new PageSession(api.baseUrl());
        Matcher csrf = CSRF.matcher(session.get("/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        String form = "email=" + encode(user.email()) + "&password=" + encode(Api.PASSWORD) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("sign-in failed for " + user.email());
        }
        return session;
    }

    /** The page's HTML; fails unless it answers 200. */
    public String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
