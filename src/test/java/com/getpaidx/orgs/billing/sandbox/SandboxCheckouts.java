package com.getpaidx.orgs.billing.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.TopUpCheckout;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Top-up checkouts of fresh orgs for the sandbox tests, and what became of them: the sandbox's events, the payment
 * inbox's rows, and the sandbox's pages as a browser without JavaScript fetches them.
 */
final class SandboxCheckouts {

    /** A top-up checkout of a fresh org, created the way billing does: through the provider. */
    record Checkout(OrgId org, UUID topUpId, String customerId, HostedCheckout hosted) {

        String id() {
            return hosted.sessionId();
        }
    }

    record InboxRow(String eventId, String provider, String type, boolean processed) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final PaymentProvider provider;
    private final Api api;
    private final JdbcClient jdbc;
    private final HttpClient browser = HttpClient.newHttpClient();

    SandboxCheckouts(PaymentProvider provider, Api api, JdbcClient jdbc) {
        this.provider = provider;
        this.api = api;
        this.jdbc = jdbc;
    }

    Checkout newCheckout(long amountMinor) {
        OrgId org = new OrgId(UUID.randomUUID());
        String customer = provider.createCustomer(new NewCustomer(org, "Analytical Engines", "customer-" + org));
        UUID topUp = UUID.randomUUID();
        HostedCheckout hosted = provider.createTopUpCheckout(topUp(customer, org, topUp, amountMinor, "top-up-" + topUp));
        return new Checkout(org, topUp, customer, hosted);
    }

    static TopUpCheckout topUp(String customer, OrgId org, UUID topUp, long amountMinor, String key) {
        String page = "http://localhost/settings/organizations/" + org.value();
        return new TopUpCheckout(customer, org, topUp, "1,000 credits", amountMinor, "eur",
                page + "?checkout={CHECKOUT_SESSION_ID}", page + "?checkout=cancelled", key);
    }

    /** The sandbox's events about one session or charge, newest first. */
    List<JsonNode> eventsAbout(String sessionOrPaymentIntent) {
        Api.Response events = api.get("/sandbox/api/events?limit=200", null);
        assertThat(events.status()).isEqualTo(200);
        return StreamSupport.stream(events.body().get("items").spliterator(), false)
                .filter(event -> sessionOrPaymentIntent.equals(text(event, "/data/session/sessionId"))
                        || sessionOrPaymentIntent.equals(text(event, "/data/paymentIntentId")))
                .toList();
    }

    /** The text at {@code pointer}, or null when it is absent or null. */
    static String text(JsonNode node, String pointer) {
        JsonNode found = node.at(pointer);
        return found.isMissingNode() || found.isNull() ? null : found.asString();
    }

    /** The payment inbox's rows about one session or charge, oldest first. */
    List<InboxRow> inbox(String sessionOrPaymentIntent) {
        return jdbc.sql("""
                SELECT event_id, provider, type, processed_at IS NOT NULL AS processed FROM payment_event
                 WHERE body -> 'session' ->> 'sessionId' = :id OR body ->> 'paymentIntentId' = :id
                 ORDER BY received_at""")
                .param("id", sessionOrPaymentIntent)
                .query((rs, n) -> new InboxRow(rs.getString("event_id"), rs.getString("provider"), rs.getString("type"),
                        rs.getBoolean("processed")))
                .list();
    }

    HttpResponse<String> page(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET().build());
    }

    /** A form post from a page the way a browser without JavaScript sends it: with the page's cookie and CSRF token. */
    HttpResponse<String> press(HttpResponse<String> page, String action, String form) {
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        String body = "_csrf=" + csrf.group(1) + (form.isEmpty() ? "" : "&" + form);
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + action))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
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
