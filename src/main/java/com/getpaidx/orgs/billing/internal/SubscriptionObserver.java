package com.getpaidx.orgs.billing.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.SubscriptionChanged;

/**
 * Asks the provider for a subscription's current state, numbered so that listeners can tell a newer look
 * from an older one: the number comes from a database sequence and is taken before the request goes out,
 * so when two looks overlap the one numbered higher was sent later and saw at least as much.
 */
@Component
public class SubscriptionObserver {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionObserver.class);

    private final PaymentProvider provider;
    private final JdbcClient jdbc;

    SubscriptionObserver(PaymentProvider provider, JdbcClient jdbc) {
        this.provider = provider;
        this.jdbc = jdbc;
    }

    /** A network call: never inside a transaction. Empty when the provider does not know the subscription. */
    public Optional<SubscriptionChanged> observe(String eventId, String subscriptionId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A subscription is fetched from the provider outside any transaction");
        }
        long observation = jdbc.sql("SELECT nextval('billing_subscription_observation')").query(Long.class).single();
        Optional<SubscriptionChanged> observed = provider.fetchSubscription(subscriptionId)
                .map(state -> new SubscriptionChanged(eventId, state, observation));
        if (observed.isEmpty()) {
            log.warn("Subscription {} is unknown to {}: nothing to apply for {}", subscriptionId, provider.name(), eventId);
        }
        return observed;
    }
}
