package com.getpaidx.orgs.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.web.util.HtmlUtils;

/**
 * A person at the pages without a browser: a session cookie, the CSRF token the pages carry, and form posts
 * the way a browser without JavaScript sends them (redirects are not followed, so they can be seen).
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern ALERT = Pattern.compile("<div\\s+class=\"alert\"\\s+role=\"alert\"([^>]*)>([^<]*)</div>");
    private static final Pattern CODE = Pattern.compile("data-code=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private String cookie;
    private String csrf;

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Someone who has not signed in, holding the session and CSRF token of {@code page}. */
    public static PageSession anonymous(Api api, String page) {
        PageSession session = new PageSession(api.baseUrl());
        session.get(page);
        return session;
    }

    /** {@code user}, signed in through the login form. */
    public static PageSession signedIn(Api api, Api.User user) {
        PageSession session = anonymous(api, "/login");
        Page signedIn = session.post("/login", List.of(Map.entry("email", user.email()), Map.entry("password", Api.PASSWORD)));
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.status() + " " + signedIn.location());
        }
        session.get("/settings/organizations"); // the CSRF token changes with the sign-in
        return session;
    }

    /** An answer: its status, HTML and headers. */
    public record Page(int status, String body, HttpHeaders headers) {

        public String location() {
            return headers.firstValue("Location").orElse("");
        }

        /** The page's alert: the problem's code (if the alert carries one) and sentence. */
        public Optional<Alert> alert() {
            Matcher alert = ALERT.matcher(body);
            if (!alert.find()) {
                return Optional.empty();
            }
            Matcher code = CODE.matcher(alert.group(1));
            return Optional.of(new Alert(code.find() ? code.group(1) : null, HtmlUtils.htmlUnescape(alert.group(2)).strip()));
        }
    }

    public record Alert(String code, String text) {
    }

    public Page get(String path) {
        Page page = send(request(path).GET().build());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** The page's HTML; fails unless it answers 200. */
    public String page(String path) {
        Page page = get(path);
        if (page.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + page.status());
        }
        return page.body();
    }

    /** Posts a form (fields in order; a name may repeat) with this session's CSRF token. */
    public Page post(String path, List<Map.Entry<String, String>> fields) {
        String body = Stream.concat(Stream.of(Map.entry("_csrf", csrf)), fields.stream())
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith("JSESSIONID="))
                    .findFirst()
                    .ifPresent(value -> cookie = value.split(";")[0]);
            return new Page(response.statusCode(), response.body(), response.headers());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
