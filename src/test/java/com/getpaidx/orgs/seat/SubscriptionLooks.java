package com.getpaidx.orgs.seat;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SubscriptionChanged;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;

/**
 * The provider's answers about an org's seat subscriptions, handed to the seat book as the billing module hands
 * them (a {@link SubscriptionChanged} in a transaction), in an order a test chooses: each look's observation is the
 * org's base number plus the order given, so a test can apply a look taken earlier after a later one.
 */
final class SubscriptionLooks {

    record Org(OrgId id, Api.User owner, long base) {

        UserId ownerId() {
            return new UserId(owner.id());
        }

        String subscription(String name) {
            return name + base;
        }
    }

    private final Api api;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    SubscriptionLooks(Api api, ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc) {
        this.api = api;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    Org newOrg() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        long base = jdbc.sql("SELECT nextval('billing_subscription_observation')").query(Long.class).single();
        return new Org(new OrgId(org), owner, base);
    }

    /** The provider's answer for subscription {@code name} of the org, taken at {@code base + order}. */
    void look(Org org, long order, String name, String status, int quantity) {
        SubscriptionState state = new SubscriptionState(org.subscription(name), "cus_" + org.base(), status, quantity,
                null, false, Map.of("org_id", org.id().toString(), "kind", SeatCheckout.KIND));
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new SubscriptionChanged("evt_look_" + UUID.randomUUID(), state, org.base() + order)));
    }
}
