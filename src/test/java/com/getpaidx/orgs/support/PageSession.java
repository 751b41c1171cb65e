package com.getpaidx.orgs.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user signed in to the pages through the login form, as a browser without JavaScript is; redirects are not followed. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Api api;
    private final String cookie;

    private PageSession(Api api, String cookie) {
        this.api = api;
        this.cookie = cookie;
    }

    public static PageSession signIn(Api api, Api.User user) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login")).GET().build());
        String cookie = cookieOf(form, null);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login form carries no CSRF token");
        }
        String body = "_csrf=" + encode(csrf.group(1)) + "&email=" + encode(user.email()) + "&password="
                + encode(Api.PASSWORD);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
        }
        return new PageSession(api, cookieOf(signedIn, cookie));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", "text/html")
                .header("Cookie", cookie).GET().build());
    }

    /** The page's HTML; fails unless it answers 200. */
    public String page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String cookieOf(HttpResponse<String> response, String otherwise) {
        return response.headers().firstValue("Set-Cookie").map(header -> header.split(";")[0]).orElse(otherwise);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
