package com.getpaidx.orgs.billing.stripe;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.PaymentProviderUnavailable;
import com.getpaidx.orgs.billing.TopUpCheckout;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;

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
