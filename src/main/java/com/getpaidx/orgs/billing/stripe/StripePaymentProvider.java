package com.getpaidx.orgs.billing.stripe;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.PaymentProviderUnavailable;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SeatPriceNotConfigured;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.billing.TopUpCheckout;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;
import com.stripe.param.checkout.SessionCreateParams.SubscriptionData;

/**
 * The {@link PaymentProvider} backed by Stripe's v1 API. Every create sends the caller's idempotency key,
 * so Stripe answers a retry (ours or the SDK's) with the object the first attempt created.
 */
public class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

    private final StripeClient stripe;

    public StripePaymentProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public String createCustomer(NewCustomer customer) {
        CustomerCreateParams params = CustomerCreateParams.builder()
                .setName(customer.name())
                .putMetadata("org_id", customer.orgId().value().toString())
                .build();
        try {
            Customer created = stripe.v1().customers().create(params, idempotent(customer.idempotencyKey()));
            log.info("Stripe customer {} created for org {}", created.getId(), customer.orgId().value());
            return created.getId();
        }
        catch (StripeException ex) {
            throw unavailable("create customer", ex);
        }
    }

    @Override
    public HostedCheckout createTopUpCheckout(TopUpCheckout checkout) {
        String orgId = checkout.orgId().value().toString();
        String topUpId = checkout.topUpId().toString();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setCustomer(checkout.customerId())
                .addLineItem(LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(PriceData.builder()
                                .setCurrency(StripeCurrencies.toStripe(checkout.currency()))
                                .setUnitAmount(checkout.amountMinor())
                                .setProductData(ProductData.builder().setName(checkout.productName()).build())
                                .build())
                        .build())
                .setClientReferenceId(topUpId)
                .putMetadata("org_id", orgId)
                .putMetadata("top_up_id", topUpId)
                // The payment intent (and its charge) carries the ids too, so a refund made in the
                // Dashboard still leads back to the top-up.
                .setPaymentIntentData(PaymentIntentData.builder()
                        .putMetadata("org_id", orgId)
                        .putMetadata("top_up_id", topUpId)
                        .build())
                .setSuccessUrl(checkout.successUrl())
                .setCancelUrl(checkout.cancelUrl())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params, idempotent(checkout.idempotencyKey()));
            log.info("Stripe checkout session {} created for top-up {} of org {}", session.getId(), topUpId, orgId);
            return new HostedCheckout(session.getId(), session.getUrl());
        }
        catch (StripeException ex) {
            throw unavailable("create checkout session", ex);
        }
    }

    @Override
    public Optional<CheckoutState> fetchCheckout(String sessionId) {
        try {
            return Optional.of(toState(stripe.v1().checkout().sessions().retrieve(sessionId)));
        }
        catch (StripeException ex) {
            // Only Stripe's own "no such session": a 404 from a proxy or a wrong api-base is an outage.
            if (Integer.valueOf(404).equals(ex.getStatusCode()) && "resource_missing".equals(ex.getCode())) {
                return Optional.empty();
            }
            throw unavailable("retrieve checkout session", ex);
        }
    }

    /** Stripe answers 400 for a session that is not open (paid or expired before): its current state says which. */
    @Override
    public Optional<CheckoutState> expireCheckout(String sessionId) {
        try {
            Session expired = stripe.v1().checkout().sessions().expire(sessionId);
            log.info("Stripe checkout session {} expired", expired.getId());
            return Optional.of(toState(expired));
        }
        catch (StripeException ex) {
            if (Integer.valueOf(404).equals(ex.getStatusCode()) && "resource_missing".equals(ex.getCode())) {
                return Optional.empty();
            }
            if (Integer.valueOf(400).equals(ex.getStatusCode())) {
                return fetchCheckout(sessionId);
            }
            throw unavailable("expire checkout session", ex);
        }
    }

    @Override
    public HostedCheckout createSeatCheckout(SeatCheckout checkout) {
        if (checkout.priceId() == null || checkout.priceId().isBlank()) {
            throw new SeatPriceNotConfigured();
        }
        String orgId = checkout.orgId().value().toString();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(checkout.customerId())
                .addLineItem(LineItem.builder()
                        .setPrice(checkout.priceId())
                        .setQuantity((long) checkout.quantity())
                        .build())
                .setClientReferenceId(orgId)
                .putMetadata("org_id", orgId)
                .putMetadata("kind", SeatCheckout.KIND)
                // Checkout copies subscription_data.metadata onto the subscription it creates: every later
                // customer.subscription.* event then leads back to the org, even one that arrives first.
                .setSubscriptionData(SubscriptionData.builder()
                        .putMetadata("org_id", orgId)
                        .putMetadata("kind", SeatCheckout.KIND)
                        .build())
                .setSuccessUrl(checkout.successUrl())
                .setCancelUrl(checkout.cancelUrl())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params, idempotent(checkout.idempotencyKey()));
            log.info("Stripe checkout session {} created for {} seats of org {}", session.getId(), checkout.quantity(),
                    orgId);
            return new HostedCheckout(session.getId(), session.getUrl());
        }
        catch (StripeException ex) {
            throw unavailable("create seat checkout session", ex);
        }
    }

    /**
     * Portal sessions are short-lived and single-use, so each call makes a new one; the key only makes the
     * SDK's own retry of this call return the session its first attempt created.
     */
    @Override
    public String createPortalSession(String customerId, String returnUrl) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId)
                .setReturnUrl(returnUrl)
                .build();
        try {
            var session = stripe.v1().billingPortal().sessions().create(params, idempotent("portal-" + UUID.randomUUID()));
            log.info("Stripe billing portal session {} created for customer {}", session.getId(), customerId);
            return session.getUrl();
        }
        catch (StripeException ex) {
            throw unavailable("create billing portal session", ex);
        }
    }

    @Override
    public Optional<SubscriptionState> fetchSubscription(String subscriptionId) {
        try {
            return Optional.of(toState(stripe.v1().subscriptions().retrieve(subscriptionId)));
        }
        catch (StripeException ex) {
            if (Integer.valueOf(404).equals(ex.getStatusCode()) && "resource_missing".equals(ex.getCode())) {
                return Optional.empty();
            }
            throw unavailable("retrieve subscription", ex);
        }
    }

    /**
     * Since API version 2025-03-31.basil the billing period lives on each subscription item, not on the
     * subscription; a seat subscription has one item, whose quantity is the number of seats.
     */
    private static SubscriptionState toState(Subscription subscription) {
        SubscriptionItem item = subscription.getItems() == null || subscription.getItems().getData() == null
                || subscription.getItems().getData().isEmpty() ? null : subscription.getItems().getData().getFirst();
        long quantity = item == null || item.getQuantity() == null ? 0 : item.getQuantity();
        Instant periodEnd = item == null || item.getCurrentPeriodEnd() == null ? null
                : Instant.ofEpochSecond(item.getCurrentPeriodEnd());
        return new SubscriptionState(subscription.getId(), subscription.getCustomer(), subscription.getStatus(), quantity,
                periodEnd, Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()), subscription.getMetadata());
    }

    private static CheckoutState toState(Session session) {
        Map<String, String> metadata = session.getMetadata() == null ? Map.of() : Map.copyOf(session.getMetadata());
        return new CheckoutState(session.getId(), session.getMode(), session.getStatus(), session.getPaymentStatus(),
                session.getClientReferenceId(), metadata, session.getCustomer(), session.getPaymentIntent(),
                session.getSubscription(), session.getAmountTotal(), StripeCurrencies.toIso(session.getCurrency()));
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    // Logged without Stripe's message: it may quote request data; the request id finds it in the Dashboard.
    private static PaymentProviderUnavailable unavailable(String operation, StripeException ex) {
        log.warn("Stripe {} failed: {} status={} code={} request={}", operation, ex.getClass().getSimpleName(),
                ex.getStatusCode(), ex.getCode(), ex.getRequestId());
        return new PaymentProviderUnavailable("Stripe " + operation + " failed", ex);
    }
}
