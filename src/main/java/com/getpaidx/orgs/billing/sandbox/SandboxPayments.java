package com.getpaidx.orgs.billing.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.billing.ProviderEvent;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * What the payer and the tests do at the sandbox "Stripe": pay, let expire, refund, change or cancel a
 * subscription, resend events.
 * Each change and the event it causes commit together; the event goes to the inbox after the commit,
 * the way a webhook arrives after Stripe's own change.
 */
@Service
@ConditionalOnPaymentSandbox
class SandboxPayments {

    /** {@code amountRefundedMinor} is the charge's cumulative refunded amount, as {@code charge.refunded} reports it. */
    record Refund(String eventId, String chargeId, String paymentIntentId, long amountMinor, long amountRefundedMinor,
            String currency) {
    }

    record Redelivery(String eventId, boolean duplicate) {
    }

    /** @param data the event exactly as handed to the inbox */
    record Event(String id, String type, Instant createdAt, @Nullable Instant deliveredAt, ProviderEvent data) {
    }

    /** An event written to the sandbox's log, to be delivered once its transaction committed. */
    private record Sent(UUID key, ProviderEvent event) {
    }

    /** What a change returns, and the events it caused (none when the change had happened before). */
    private record Change<T>(T result, List<Sent> sent) {

        Change(T result, Sent sent) {
            this(result, sent == null ? List.of() : List.of(sent));
        }
    }

    /**
     * A change to a subscription, as the test API and the portal ask for it; a null field stays as it is.
     *
     * @param status one of Stripe's statuses; {@code canceled} ends the subscription now
     * @param cancelAtPeriodEnd true cancels at the end of the period (the portal's "Cancel subscription")
     */
    record SubscriptionChange(@Nullable Integer quantity, @Nullable String status, @Nullable Boolean cancelAtPeriodEnd) {
    }

    static final int MAX_SUBSCRIPTION_QUANTITY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SandboxPayments.class);

    private final JdbcSandboxCheckoutRepository checkouts;
    private final JdbcSandboxSubscriptionRepository subscriptions;
    private final JdbcSandboxEventRepository events;
    private final SandboxEventDelivery delivery;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    SandboxPayments(JdbcSandboxCheckoutRepository checkouts, JdbcSandboxSubscriptionRepository subscriptions,
            JdbcSandboxEventRepository events, SandboxEventDelivery delivery, TransactionTemplate transactions,
            JsonMapper json, Clock clock) {
        this.checkouts = checkouts;
        this.subscriptions = subscriptions;
        this.events = events;
        this.delivery = delivery;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    Optional<SandboxSession> session(String sessionId) {
        return checkouts.find(sessionId);
    }

    /**
     * Pays an open session and sends {@code checkout.session.completed}; paying a paid one changes nothing.
     * A subscription-mode session creates its subscription (active, one month) and, as Stripe does, sends
     * {@code customer.subscription.created} before {@code checkout.session.completed}.
     */
    SandboxSession complete(String sessionId) {
        return complete(sessionId, true);
    }

    /**
     * With {@code deliverNow} false the event is logged but held back, as when Stripe's webhook is slow:
     * the background sweep or a redelivery sends it later.
     */
    SandboxSession complete(String sessionId, boolean deliverNow) {
        return commitThenDeliver(deliverNow, now -> checkouts.complete(sessionId, SandboxIds.paymentIntent(),
                        SandboxIds.subscription())
                .map(paid -> {
                    List<Sent> sent = new ArrayList<>();
                    if (paid.subscriptionMode()) {
                        SandboxSubscription created = subscriptions.insert(paid.subscriptionId(), paid.customerId(),
                                paid.priceId(), paid.quantity(), oneMonthAfter(now), paid.metadata(), now);
                        log.info("Sandbox checkout {} paid: subscription {} for {} seats", paid.id(), created.id(),
                                created.quantity());
                        sent.add(logEvent(eventId -> new ProviderEvent.SubscriptionUpdated(eventId,
                                "customer.subscription.created", created.id(), created.customerId()), now));
                    }
                    else {
                        checkouts.insertCharge(paid, now);
                        log.info("Sandbox checkout {} paid: {} {} {}", paid.id(), paid.paymentIntentId(),
                                paid.amountMinor(), paid.currency());
                    }
                    sent.add(logEvent(eventId -> new ProviderEvent.CheckoutCompleted(eventId,
                            "checkout.session.completed", paid.state()), now));
                    return new Change<>(paid, List.copyOf(sent));
                })
                .orElseGet(() -> new Change<>(unchanged(sessionId, SandboxSession.EXPIRED, CheckoutAlreadyExpired::new),
                        List.of())));
    }

    /** Expires an open session and sends {@code checkout.session.expired}; expiring an expired one changes nothing. */
    SandboxSession expire(String sessionId) {
        return commitThenDeliver(now -> checkouts.expire(sessionId)
                .map(expired -> {
                    log.info("Sandbox checkout {} expired", expired.id());
                    return new Change<>(expired, logEvent(eventId -> new ProviderEvent.CheckoutExpired(eventId,
                            "checkout.session.expired", expired.state()), now));
                })
                .orElseGet(() -> new Change<>(unchanged(sessionId, SandboxSession.COMPLETE, CheckoutAlreadyCompleted::new),
                        List.of())));
    }

    /**
     * Refunds part of a top-up's payment and sends {@code charge.refunded} with the new cumulative
     * total, which never passes the amount paid.
     */
    Refund refund(UUID topUpId, long amountMinor) {
        return commitThenDeliver(now -> {
            JdbcSandboxCheckoutRepository.Charge charge = checkouts.chargeForTopUp(topUpId.toString())
                    .orElseThrow(ChargeNotFound::new);
            JdbcSandboxCheckoutRepository.Charge refunded = checkouts.refund(charge.id(), amountMinor)
                    .orElseThrow(() -> new InvalidInput("amountMinor", "would refund more than was paid: "
                            + (charge.amountMinor() - charge.amountRefundedMinor()) + " of " + charge.amountMinor()
                            + " is left to refund"));
            log.info("Sandbox charge {} refunded {}, {} of {} {} in total", refunded.id(), amountMinor,
                    refunded.amountRefundedMinor(), refunded.amountMinor(), refunded.currency());
            Sent sent = logEvent(eventId -> new ProviderEvent.ChargeRefunded(eventId, "charge.refunded", refunded.id(),
                    refunded.paymentIntentId(), refunded.amountMinor(), refunded.amountRefundedMinor(),
                    refunded.currency(), refunded.metadata()), now);
            return new Change<>(new Refund(sent.event().id(), refunded.id(), refunded.paymentIntentId(),
                    refunded.amountMinor(), refunded.amountRefundedMinor(), refunded.currency()), sent);
        });
    }

    Optional<SandboxSubscription> subscription(String subscriptionId) {
        return subscriptions.find(subscriptionId);
    }

    List<SandboxSubscription> subscriptionsOf(String customerId) {
        return subscriptions.ofCustomer(customerId);
    }

    Optional<JdbcSandboxCheckoutRepository.Customer> customer(String customerId) {
        return checkouts.customer(customerId);
    }

    /**
     * Changes a subscription and sends {@code customer.subscription.updated}, or {@code .deleted} when it
     * is canceled now. A change to nothing sends nothing; an ended subscription refuses every change.
     */
    SandboxSubscription changeSubscription(String subscriptionId, SubscriptionChange change, boolean deliverNow) {
        if (change.status() != null && !SubscriptionState.STATUSES.contains(change.status())) {
            throw new InvalidInput("status", "must be one of " + String.join(", ", SubscriptionState.STATUSES));
        }
        if (change.quantity() != null && (change.quantity() < 0 || change.quantity() > MAX_SUBSCRIPTION_QUANTITY)) {
            throw new InvalidInput("quantity", "must be 0 to " + MAX_SUBSCRIPTION_QUANTITY);
        }
        return commitThenDeliver(deliverNow, now -> {
            SandboxSubscription current = subscriptions.lock(subscriptionId).orElseThrow(SubscriptionNotFound::new);
            String status = change.status() == null ? current.status() : change.status();
            int quantity = change.quantity() == null ? current.quantity() : change.quantity();
            boolean cancelAtPeriodEnd = !"canceled".equals(status)
                    && (change.cancelAtPeriodEnd() == null ? current.cancelAtPeriodEnd() : change.cancelAtPeriodEnd());
            if (status.equals(current.status()) && quantity == current.quantity()
                    && cancelAtPeriodEnd == current.cancelAtPeriodEnd()) {
                return new Change<>(current, List.of());
            }
            if (current.ended()) {
                throw new SubscriptionEnded();
            }
            SandboxSubscription changed = subscriptions.update(subscriptionId, status, quantity, cancelAtPeriodEnd);
            String type = changed.ended() ? "customer.subscription.deleted" : "customer.subscription.updated";
            log.info("Sandbox subscription {} now {} with {} seats{}", changed.id(), changed.status(), changed.quantity(),
                    changed.cancelAtPeriodEnd() ? ", cancelling at period end" : "");
            return new Change<>(changed, logEvent(eventId -> new ProviderEvent.SubscriptionUpdated(eventId, type,
                    changed.id(), changed.customerId()), now));
        });
    }

    /** Hands a sent event to the inbox again, as Stripe's "resend" does. */
    Redelivery redeliver(String eventId) {
        boolean fresh = delivery.redeliver(eventId);
        return new Redelivery(eventId, !fresh);
    }

    /** Every event the sandbox sent, newest first. */
    Page<Event> events(PageRequest request) {
        return request.page(events.page(request), stored -> new Cursor.Position(stored.createdAt(), stored.key()))
                .map(stored -> new Event(SandboxIds.event(stored.key()), stored.type(), stored.createdAt(),
                        stored.deliveredAt(), json.readValue(stored.body(), ProviderEvent.class)));
    }

    private <T> T commitThenDeliver(Function<Instant, Change<T>> change) {
        return commitThenDeliver(true, change);
    }

    private <T> T commitThenDeliver(boolean deliverNow, Function<Instant, Change<T>> change) {
        Instant now = clock.instant();
        Change<T> done = transactions.execute(tx -> change.apply(now));
        if (deliverNow) {
            done.sent().forEach(sent -> delivery.deliver(sent.key(), sent.event()));
        }
        return done.result();
    }

    /** A monthly price renews on the same day of the next month (clamped to its length, as Stripe does). */
    static Instant oneMonthAfter(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    /** Logs an event in the current transaction; it gets its id here. */
    private Sent logEvent(Function<String, ProviderEvent> eventWithId, Instant now) {
        UUID key = UUID.randomUUID();
        ProviderEvent event = eventWithId.apply(SandboxIds.event(key));
        events.insert(key, event.type(), json.writeValueAsString(event), now);
        return new Sent(key, event);
    }

    /** A session the change did not apply to: unknown, in the state that forbids the change, or changed before. */
    private SandboxSession unchanged(String sessionId, String forbiddenStatus, Supplier<DomainException> refusal) {
        SandboxSession current = checkouts.find(sessionId).orElseThrow(CheckoutSessionNotFound::new);
        if (forbiddenStatus.equals(current.status())) {
            throw refusal.get();
        }
        return current;
    }
}
