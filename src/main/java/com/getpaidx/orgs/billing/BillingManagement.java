package com.getpaidx.orgs.billing;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(BillingManagement.class);

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
     * slow webhook does not leave the page stale. Idempotent. A session that is not the org's own (another
     * customer's, or one without the org in its metadata; the id comes from a URL anyone can edit) is
     * ignored: empty, and nothing is fed.
     */
    public Optional<CheckoutState> confirmCheckout(OrgId org, String sessionId) {
        Optional<CheckoutState> state = provider.fetchCheckout(sessionId).filter(session -> belongsTo(session, org));
        if (state.isEmpty()) {
            log.info("Checkout {} is no checkout of org {}; not confirmed", sessionId, org);
        }
        state.filter(session -> "complete".equals(session.status())
                        && (session.paid() || "subscription".equals(session.mode())))
                .ifPresent(session -> inbox.receive(provider.name(), new ProviderEvent.CheckoutCompleted(
                        "confirm:" + session.sessionId(), "checkout.session.completed", session)));
        return state;
    }

    /** Both kinds of checkout are made for the org's customer and carry the org id in their metadata. */
    private boolean belongsTo(CheckoutState session, OrgId org) {
        return session.customerId() != null && customers.find(org).filter(session.customerId()::equals).isPresent()
                && session.metadata() != null && org.value().toString().equals(session.metadata().get("org_id"));
    }

    /**
     * The subscription's current state at the provider, numbered like the inbox's looks, for a person who
     * asked to sync. A network call: never inside a transaction.
     */
    public Optional<SubscriptionChanged> fetchSubscription(String subscriptionId) {
        return subscriptions.observe("sync:" + UUID.randomUUID(), subscriptionId);
    }
}
