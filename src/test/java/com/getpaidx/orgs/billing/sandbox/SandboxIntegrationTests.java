package com.getpaidx.orgs.billing.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.TopUpCheckout;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@IntegrationTest
class SandboxIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired PaymentProvider provider;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    private final HttpClient browser = HttpClient.newHttpClient();

    /** A top-up checkout of a fresh org, created the way billing does: through the provider. */
    private record Checkout(OrgId org, UUID topUpId, String customerId, HostedCheckout hosted) {

        String id() {
            return hosted.sessionId();
        }
    }

    private Checkout newCheckout(long amountMinor) {
        OrgId org = new OrgId(UUID.randomUUID());
        String customer = provider.createCustomer(new NewCustomer(org, "Analytical Engines", "customer-" + org));
        UUID topUp = UUID.randomUUID();
        HostedCheckout hosted = provider.createTopUpCheckout(topUp(customer, org, topUp, amountMinor, "top-up-" + topUp));
        return new Checkout(org, topUp, customer, hosted);
    }

    private static TopUpCheckout topUp(String customer, OrgId org, UUID topUp, long amountMinor, String key) {
        String page = "http://localhost/settings/organizations/" + org.value();
        return new TopUpCheckout(customer, org, topUp, "1,000 credits", amountMinor, "eur",
                page + "?checkout={CHECKOUT_SESSION_ID}", page + "?checkout=cancelled", key);
    }

    private Api.Response complete(String sessionId) {
        return api.post("/sandbox/api/checkout-sessions/" + sessionId + "/complete", null, null);
    }

    private Api.Response expire(String sessionId) {
        return api.post("/sandbox/api/checkout-sessions/" + sessionId + "/expire", null, null);
    }

    private Api.Response refund(UUID topUpId, long amountMinor) {
        return api.post("/sandbox/api/charges/refund", null, Map.of("topUpId", topUpId, "amountMinor", amountMinor));
    }

    /** The sandbox's events about one session or charge, newest first. */
    private List<JsonNode> eventsAbout(String sessionOrPaymentIntent) {
        Api.Response events = api.get("/sandbox/api/events?limit=200", null);
        assertThat(events.status()).isEqualTo(200);
        return StreamSupport.stream(events.body().get("items").spliterator(), false)
                .filter(event -> sessionOrPaymentIntent.equals(text(event, "/data/session/sessionId"))
                        || sessionOrPaymentIntent.equals(text(event, "/data/paymentIntentId")))
                .toList();
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode found = node.at(pointer);
        return found.isMissingNode() || found.isNull() ? null : found.asString();
    }

    private static Instant createdAt(JsonNode event) {
        return Instant.parse(event.get("createdAt").asString());
    }

    private record InboxRow(String eventId, String provider, String type, boolean processed) {
    }

    private List<InboxRow> inbox(String sessionOrPaymentIntent) {
        return jdbc.sql("""
                SELECT event_id, provider, type, processed_at IS NOT NULL AS processed FROM payment_event
                 WHERE body -> 'session' ->> 'sessionId' = :id OR body ->> 'paymentIntentId' = :id
                 ORDER BY received_at""")
                .param("id", sessionOrPaymentIntent)
                .query((rs, n) -> new InboxRow(rs.getString("event_id"), rs.getString("provider"), rs.getString("type"),
                        rs.getBoolean("processed")))
                .list();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> page(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET().build());
    }

    /** Presses a button of the checkout page the way a browser without JavaScript does: a form post with its CSRF token. */
    private HttpResponse<String> press(String sessionId, String button) {
        HttpResponse<String> shown = page("/sandbox/checkout/" + sessionId, null);
        String cookie = shown.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = CSRF.matcher(shown.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/sandbox/checkout/" + sessionId + "/" + button))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
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

    @Test
    void withoutAStripeKeyTheSandboxIsThePaymentProvider() {
        Checkout checkout = newCheckout(1250);

        assertThat(provider.name()).isEqualTo("sandbox");
        assertThat(checkout.customerId()).startsWith("cus_sbx_");
        assertThat(checkout.id()).startsWith("cs_sbx_");
        assertThat(checkout.hosted().url()).endsWith("/sandbox/checkout/" + checkout.id());
        CheckoutState state = provider.fetchCheckout(checkout.id()).orElseThrow();
        assertThat(state).isEqualTo(new CheckoutState(checkout.id(), "payment", "open", "unpaid",
                checkout.topUpId().toString(),
                Map.of("org_id", checkout.org().value().toString(), "top_up_id", checkout.topUpId().toString()),
                checkout.customerId(), null, null, 1250L, "eur"));
        assertThat(provider.fetchCheckout("cs_sbx_unknown")).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameCustomerAndTheSameSession() {
        OrgId org = new OrgId(UUID.randomUUID());
        String customer = provider.createCustomer(new NewCustomer(org, "Acme", "customer-" + org));
        assertThat(provider.createCustomer(new NewCustomer(org, "Acme", "customer-" + org))).isEqualTo(customer);
        assertThat(provider.createCustomer(new NewCustomer(org, "Acme", "another-" + org))).isNotEqualTo(customer);

        UUID topUp = UUID.randomUUID();
        HostedCheckout first = provider.createTopUpCheckout(topUp(customer, org, topUp, 500, "top-up-" + topUp));
        assertThat(provider.createTopUpCheckout(topUp(customer, org, topUp, 500, "top-up-" + topUp))).isEqualTo(first);
        assertThat(provider.createTopUpCheckout(topUp(customer, org, topUp, 500, "retry-" + topUp)).sessionId())
                .isNotEqualTo(first.sessionId());
    }

    @Test
    void theCheckoutPageSaysNoRealMoneyAndShowsWhatIsPaid() {
        Checkout checkout = newCheckout(1250);

        HttpResponse<String> page = page(URI.create(checkout.hosted().url()).getPath(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sandbox — no real money", "1,000 credits", "12.50", "EUR",
                ">Pay</button>", ">Cancel</button>");
    }

    @Test
    void anUnknownCheckoutPageIsNotFound() {
        HttpResponse<String> page = page("/sandbox/checkout/cs_sbx_unknown", null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void payingOnThePageCompletesTheSessionAndReturnsToTheSuccessUrl() {
        Checkout checkout = newCheckout(1250);

        HttpResponse<String> paid = press(checkout.id(), "pay");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValue(
                "http://localhost/settings/organizations/" + checkout.org().value() + "?checkout=" + checkout.id());
        CheckoutState state = provider.fetchCheckout(checkout.id()).orElseThrow();
        assertThat(state.status()).isEqualTo("complete");
        assertThat(state.paid()).isTrue();
        assertThat(inbox(checkout.id())).extracting(InboxRow::type).containsExactly("checkout.session.completed");
        String shown = page("/sandbox/checkout/" + checkout.id(), null).body();
        assertThat(shown).contains("This checkout is complete").doesNotContain(">Pay</button>");
    }

    @Test
    void cancelOnThePageReturnsToTheCancelUrlAndLeavesTheSessionOpen() {
        Checkout checkout = newCheckout(1250);

        HttpResponse<String> cancelled = press(checkout.id(), "cancel");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location")).hasValue(
                "http://localhost/settings/organizations/" + checkout.org().value() + "?checkout=cancelled");
        assertThat(provider.fetchCheckout(checkout.id()).orElseThrow().status()).isEqualTo("open");
        assertThat(eventsAbout(checkout.id())).isEmpty();
    }

    @Test
    void completingPaysTheSessionAndSendsOneEventThroughTheInbox() {
        Checkout checkout = newCheckout(1250);

        Api.Response completed = complete(checkout.id());

        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("complete");
        assertThat(completed.text("paymentStatus")).isEqualTo("paid");
        String paymentIntent = completed.text("paymentIntentId");
        assertThat(paymentIntent).startsWith("pi_sbx_");
        List<JsonNode> events = eventsAbout(checkout.id());
        assertThat(events).hasSize(1);
        JsonNode event = events.getFirst();
        assertThat(event.get("id").asString()).startsWith("evt_sbx_");
        assertThat(event.get("type").asString()).isEqualTo("checkout.session.completed");
        assertThat(event.get("createdAt").asString()).isNotBlank();
        assertThat(event.at("/data/session/paymentStatus").asString()).isEqualTo("paid");
        assertThat(event.at("/data/session/paymentIntentId").asString()).isEqualTo(paymentIntent);
        assertThat(inbox(checkout.id())).containsExactly(
                new InboxRow(event.get("id").asString(), "sandbox", "checkout.session.completed", true));

        Api.Response again = complete(checkout.id());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("paymentIntentId")).isEqualTo(paymentIntent);
        assertThat(eventsAbout(checkout.id())).hasSize(1);
        assertThat(inbox(checkout.id())).hasSize(1);
    }

    @Test
    void aRedeliveredEventIsADuplicateForTheInbox() {
        Checkout checkout = newCheckout(1250);
        complete(checkout.id());
        String eventId = eventsAbout(checkout.id()).getFirst().get("id").asString();

        Api.Response redelivered = api.post("/sandbox/api/events/" + eventId + "/redeliver", null, null);

        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(redelivered.text("eventId")).isEqualTo(eventId);
        assertThat(redelivered.body().get("duplicate").asBoolean()).isTrue();
        assertThat(inbox(checkout.id())).extracting(InboxRow::eventId).containsExactly(eventId);
    }

    @Test
    void expiringAnOpenSessionSendsAnEventAndThenItCannotBePaid() {
        Checkout checkout = newCheckout(1250);

        Api.Response expired = expire(checkout.id());

        assertThat(expired.status()).as(expired.toString()).isEqualTo(200);
        assertThat(expired.text("status")).isEqualTo("expired");
        assertThat(expired.text("paymentStatus")).isEqualTo("unpaid");
        assertThat(eventsAbout(checkout.id())).extracting(event -> event.get("type").asString())
                .containsExactly("checkout.session.expired");
        assertThat(inbox(checkout.id())).extracting(InboxRow::type, InboxRow::processed)
                .containsExactly(tuple("checkout.session.expired", true));
        assertThat(expire(checkout.id()).status()).isEqualTo(200);
        assertThat(eventsAbout(checkout.id())).hasSize(1);
        assertProblem(complete(checkout.id()), 409, "checkout_expired");
        assertThat(page("/sandbox/checkout/" + checkout.id(), null).body())
                .contains("This checkout has expired").doesNotContain(">Pay</button>");
    }

    @Test
    void aCompletedSessionCannotExpire() {
        Checkout checkout = newCheckout(1250);
        complete(checkout.id());

        assertProblem(expire(checkout.id()), 409, "checkout_completed");
        assertThat(provider.fetchCheckout(checkout.id()).orElseThrow().status()).isEqualTo("complete");
    }

    @Test
    void refundsAddUpAndNeverPassTheAmountPaid() {
        Checkout checkout = newCheckout(1250);
        String paymentIntent = complete(checkout.id()).text("paymentIntentId");

        assertProblem(refund(checkout.topUpId(), 1251), 400, "validation_failed");
        Api.Response part = refund(checkout.topUpId(), 500);
        Api.Response rest = refund(checkout.topUpId(), 750);
        Api.Response over = refund(checkout.topUpId(), 1);

        assertThat(part.status()).as(part.toString()).isEqualTo(200);
        assertThat(part.body().get("amountRefundedMinor").asLong()).isEqualTo(500);
        assertThat(part.text("chargeId")).startsWith("ch_sbx_");
        assertThat(rest.body().get("amountRefundedMinor").asLong()).isEqualTo(1250);
        assertProblem(over, 400, "validation_failed");
        assertThat(over.body().get("errors").get(0).get("field").asString()).isEqualTo("amountMinor");
        List<JsonNode> refunds = eventsAbout(paymentIntent).reversed();
        assertThat(refunds).extracting(event -> event.get("type").asString())
                .containsExactly("charge.refunded", "charge.refunded");
        assertThat(refunds).extracting(event -> event.at("/data/amountRefundedMinor").asLong()).containsExactly(500L, 1250L);
        assertThat(refunds).allSatisfy(event -> {
            assertThat(event.at("/data/amountMinor").asLong()).isEqualTo(1250);
            assertThat(event.at("/data/currency").asString()).isEqualTo("eur");
            // as Stripe copies the payment intent's metadata onto its charge: a refund names its top-up
            assertThat(event.at("/data/metadata/top_up_id").asString()).isEqualTo(checkout.topUpId().toString());
        });
        assertThat(inbox(paymentIntent)).extracting(InboxRow::eventId)
                .containsExactly(part.text("eventId"), rest.text("eventId"));
    }

    @Test
    void onlyAPaidTopUpCanBeRefunded() {
        Checkout unpaid = newCheckout(1250);

        assertProblem(refund(unpaid.topUpId(), 100), 404, "charge_not_found");
        assertProblem(refund(UUID.randomUUID(), 100), 404, "charge_not_found");
        assertProblem(refund(unpaid.topUpId(), 0), 400, "validation_failed");
        assertProblem(api.post("/sandbox/api/charges/refund", null, Map.of("topUpId", unpaid.topUpId())), 400,
                "validation_failed");
        assertProblem(api.post("/sandbox/api/charges/refund", null,
                Map.of("topUpId", unpaid.topUpId(), "amountMinor", 1, "reason", "duplicate")), 400, "validation_failed");
    }

    @Test
    void unknownIdsAreNotFound() {
        assertProblem(complete("cs_sbx_unknown"), 404, "checkout_not_found");
        assertProblem(expire("cs_sbx_unknown"), 404, "checkout_not_found");
        assertProblem(api.post("/sandbox/api/events/evt_sbx_" + "0".repeat(32) + "/redeliver", null, null), 404,
                "event_not_found");
        assertProblem(api.post("/sandbox/api/events/evt_unknown/redeliver", null, null), 404, "event_not_found");
    }

    @Test
    void theEventLogPagesNewestFirst() {
        for (int i = 0; i < 3; i++) {
            complete(newCheckout(100).id());
        }

        Api.Response first = api.get("/sandbox/api/events?limit=2", null);
        Api.Response second = api.get("/sandbox/api/events?limit=2&cursor=" + first.text("nextCursor"), null);

        List<JsonNode> items = StreamSupport.stream(first.body().get("items").spliterator(), false).toList();
        assertThat(items).hasSize(2);
        assertThat(createdAt(items.get(0))).isAfterOrEqualTo(createdAt(items.get(1)));
        JsonNode next = second.body().get("items").get(0);
        assertThat(createdAt(next)).isBeforeOrEqualTo(createdAt(items.get(1)));
        assertThat(next.get("id").asString()).isNotIn(items.get(0).get("id").asString(), items.get(1).get("id").asString());
        assertThat(api.get("/sandbox/api/events", null).body().get("items").get(0).get("id").asString())
                .isEqualTo(items.get(0).get("id").asString());
    }
}
