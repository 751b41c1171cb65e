package com.getpaidx.orgs.billing;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.getpaidx.orgs.billing.internal.JdbcCustomerRepository;
import com.getpaidx.orgs.billing.internal.SubscriptionObserver;
import com.getpaidx.orgs.shared.OrgId;

/**
 * Billing as the other modules use it. Nothing here runs inside a caller's transaction: these calls
 * go over the network.
 */
@Service
public class BillingManagement {

    private final PaymentProvider provider;
    private final PaymentInbox inbox;
    private final JdbcCustomerRepository customers;
    private final SubscriptionObserver subscriptions;
    private final Clock clock;

    BillingManagement(PaymentProvider provider, PaymentInbox inbox, JdbcCustomerRepository customers,
            SubscriptionObserver subscriptions, Clock clock) {
        this.provider = provider;
        this.inbox = inbox;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public PaymentProvider provider() {
        return provider;
    }

    /** The org's customer at the provider, created on first use; concurrent first uses end with one. */
    public String customerFor(OrgId org, String name) {
        return customers.find(org).orElseGet(() -> {
            String created = provider.createCustomer(new NewCustomer(org, name, "customer-" + org));
            customers.insert(org, provider.name(), created, clock.instant());
            return customers.find(org).orElseThrow();
        });
    }

    public Optional<String> existingCustomer(OrgId org) {
        return customers.find(org);
    }

    /**
     * Asks the provider about a checkout the payer came back from, and feeds a paid one (or a completed
     * subscription-mode one, which may start with a free trial) through the inbox like its webhook, so a
     * slow webhook does not leave the page stale. Idempotent.
     */
    public Optional<CheckoutState> confirmCheckout(String sessionId) {
        Optional<CheckoutState> state = provider.fetchCheckout(sessionId);
        state.filter(session -> "complete".equals(session.status())
                        && (session.paid() || "subscription".equals(session.mode())))
                .ifPresent(session -> inbox.receive(provider.name(), new ProviderEvent.CheckoutCompleted(
                        "confirm:" + session.sessionId(), "checkout.session.completed", session)));
        return state;
    }

    /**
     * The subscription's current state at the provider, numbered like the inbox's looks, for a person who
     * asked to sync. A network call: never inside a transaction.
     */
    public Optional<SubscriptionChanged> fetchSubscription(String subscriptionId) {
        return subscriptions.observe("sync:" + UUID.randomUUID(), subscriptionId);
    }
}
