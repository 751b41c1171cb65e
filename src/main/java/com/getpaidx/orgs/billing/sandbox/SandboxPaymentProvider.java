package com.getpaidx.orgs.billing.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.billing.TopUpCheckout;
import com.getpaidx.orgs.shared.GetPaidXProperties;

/**
 * The payment provider when no Stripe key is set: customers and checkouts live in the sandbox's own
 * tables, the payer "pays" on {@code /sandbox/checkout/{id}}, and nothing ever leaves this machine.
 * It refuses to exist in production, where a checkout nobody can really pay would be a silent outage, and on
 * a network address unless asked to ({@link SandboxExposure}).
 */
@Component
@ConditionalOnPaymentSandbox
class SandboxPaymentProvider implements PaymentProvider {

    static final String NAME = "sandbox";
    /** The seat price when none is configured: a Pro seat for 12.00 USD a month. */
    static final String SEAT_PRICE_ID = "price_sbx_pro_seat";
    static final long SEAT_PRICE_MINOR = 1200;
    static final String SEAT_CURRENCY = "USD";

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

    private final JdbcSandboxCheckoutRepository checkouts;
    private final JdbcSandboxSubscriptionRepository subscriptions;
    private final ObjectProvider<SandboxPayments> payments;
    private final GetPaidXProperties properties;
    private final Clock clock;

    /** The sandbox's payments are looked up when used: they deliver events to the inbox, which needs this provider. */
    SandboxPaymentProvider(JdbcSandboxCheckoutRepository checkouts, JdbcSandboxSubscriptionRepository subscriptions,
            ObjectProvider<SandboxPayments> payments, GetPaidXProperties properties, Clock clock,
            Environment environment) {
        SandboxExposure exposure = SandboxExposure.judge(environment);
        this.checkouts = checkouts;
        this.subscriptions = subscriptions;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
        if (exposure == SandboxExposure.NETWORK) {
            log.warn("The payment sandbox faces the network ({}=true, server.address {}): anyone who reaches this"
                    + " service can pay checkouts and change subscriptions through /sandbox/api without authentication",
                    SandboxExposure.OPT_IN, environment.getProperty("server.address", "unset"));
        }
        log.info("Payments go to the local sandbox (no STRIPE_SECRET_KEY): no real money moves");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String createCustomer(NewCustomer customer) {
        String id = checkouts.createCustomer(customer, clock.instant());
        log.info("Sandbox customer {} for org {}", id, customer.orgId().value());
        return id;
    }

    @Override
    public HostedCheckout createTopUpCheckout(TopUpCheckout checkout) {
        Map<String, String> metadata = Map.of(
                "org_id", checkout.orgId().value().toString(),
                "top_up_id", checkout.topUpId().toString());
        String id = checkouts.createTopUpSession(checkout, metadata, clock.instant());
        log.info("Sandbox checkout {} for top-up {} of org {}", id, checkout.topUpId(), checkout.orgId().value());
        return new HostedCheckout(id, properties.link("/sandbox/checkout/" + id));
    }

    @Override
    public Optional<CheckoutState> fetchCheckout(String sessionId) {
        return checkouts.find(sessionId).map(SandboxSession::state);
    }

    /** Like Stripe: an open session expires and sends {@code checkout.session.expired}; a paid one stays paid. */
    @Override
    public Optional<CheckoutState> expireCheckout(String sessionId) {
        if (checkouts.find(sessionId).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(payments.getObject().expire(sessionId).state());
        }
        catch (CheckoutAlreadyCompleted paid) {
            return fetchCheckout(sessionId);
        }
    }

    @Override
    public HostedCheckout createSeatCheckout(SeatCheckout checkout) {
        Map<String, String> metadata = Map.of(
                "org_id", checkout.orgId().value().toString(),
                "kind", SeatCheckout.KIND);
        String priceId = checkout.priceId() == null || checkout.priceId().isBlank() ? SEAT_PRICE_ID : checkout.priceId();
        String id = checkouts.createSeatSession(checkout, priceId, metadata, SEAT_PRICE_MINOR * checkout.quantity(),
                SEAT_CURRENCY, clock.instant());
        log.info("Sandbox checkout {} for {} seats of org {}", id, checkout.quantity(), checkout.orgId().value());
        return new HostedCheckout(id, properties.link("/sandbox/checkout/" + id));
    }

    /** The sandbox's portal is one page per customer; it links back to the latest return URL it was given. */
    @Override
    public String createPortalSession(String customerId, String returnUrl) {
        if (!checkouts.setPortalReturnUrl(customerId, returnUrl)) {
            throw new CustomerNotFound();
        }
        log.info("Sandbox billing portal opened for customer {}", customerId);
        return properties.link("/sandbox/portal/" + customerId);
    }

    @Override
    public Optional<SubscriptionState> fetchSubscription(String subscriptionId) {
        return subscriptions.find(subscriptionId).map(SandboxSubscription::state);
    }
}
