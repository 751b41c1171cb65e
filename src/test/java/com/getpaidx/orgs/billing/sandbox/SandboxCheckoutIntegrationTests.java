package com.getpaidx.orgs.billing.sandbox;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.sandbox.SandboxCheckouts.Checkout;
import com.getpaidx.orgs.billing.sandbox.SandboxCheckouts.InboxRow;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static com.getpaidx.orgs.billing.sandbox.SandboxCheckouts.topUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a Stripe key the sandbox is the payment provider, and its top-up checkouts work as Stripe's do: customers
 * and sessions keyed for idempotency, a session's state read back, and a hosted checkout page that says no real money
 * is involved, whose Pay button completes the session (one event through the inbox) and returns to the success URL,
 * and whose Cancel button returns to the cancel URL and leaves the session open. Driving the sandbox through its test
 * API is in {@link SandboxTestApiIntegrationTests}.
 */
@IntegrationTest
class SandboxCheckoutIntegrationTests {

    @Autowired PaymentProvider provider;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    private SandboxCheckouts checkouts;

    @BeforeEach
    void setUp() {
        checkouts = new SandboxCheckouts(provider, api, jdbc);
    }

    /** Presses a button of the checkout page the way a browser without JavaScript does: a form post with its CSRF token. */
    private HttpResponse<String> press(String sessionId, String button) {
        return checkouts.press(checkouts.page("/sandbox/checkout/" + sessionId, null),
                "/sandbox/checkout/" + sessionId + "/" + button, "");
    }

    @Test
    void withoutAStripeKeyTheSandboxIsThePaymentProvider() {
        Checkout checkout = checkouts.newCheckout(1250);

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
        Checkout checkout = checkouts.newCheckout(1250);

        HttpResponse<String> page = checkouts.page(URI.create(checkout.hosted().url()).getPath(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sandbox — no real money", "1,000 credits", "12.50", "EUR",
                ">Pay</button>", ">Cancel</button>");
    }

    @Test
    void anUnknownCheckoutPageIsNotFound() {
        HttpResponse<String> page = checkouts.page("/sandbox/checkout/cs_sbx_unknown", null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void payingOnThePageCompletesTheSessionAndReturnsToTheSuccessUrl() {
        Checkout checkout = checkouts.newCheckout(1250);

        HttpResponse<String> paid = press(checkout.id(), "pay");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValue(
                "http://localhost/settings/organizations/" + checkout.org().value() + "?checkout=" + checkout.id());
        CheckoutState state = provider.fetchCheckout(checkout.id()).orElseThrow();
        assertThat(state.status()).isEqualTo("complete");
        assertThat(state.paid()).isTrue();
        assertThat(checkouts.inbox(checkout.id())).extracting(InboxRow::type).containsExactly("checkout.session.completed");
        String shown = checkouts.page("/sandbox/checkout/" + checkout.id(), null).body();
        assertThat(shown).contains("This checkout is complete").doesNotContain(">Pay</button>");
    }

    @Test
    void cancelOnThePageReturnsToTheCancelUrlAndLeavesTheSessionOpen() {
        Checkout checkout = checkouts.newCheckout(1250);

        HttpResponse<String> cancelled = press(checkout.id(), "cancel");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location")).hasValue(
                "http://localhost/settings/organizations/" + checkout.org().value() + "?checkout=cancelled");
        assertThat(provider.fetchCheckout(checkout.id()).orElseThrow().status()).isEqualTo("open");
        assertThat(checkouts.eventsAbout(checkout.id())).isEmpty();
    }
}
