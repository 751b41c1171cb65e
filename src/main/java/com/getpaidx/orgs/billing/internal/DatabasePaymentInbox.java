package com.getpaidx.orgs.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.billing.BillingProperties;
import com.getpaidx.orgs.billing.ChargeRefunded;
import com.getpaidx.orgs.billing.CheckoutExpired;
import com.getpaidx.orgs.billing.CheckoutPaid;
import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.OutOfOrderEvent;
import com.getpaidx.orgs.billing.PaymentInbox;
import com.getpaidx.orgs.billing.ProviderEvent;
import com.getpaidx.orgs.billing.SubscriptionChanged;
import com.getpaidx.orgs.shared.LogContext;

/**
 * The inbox table is the truth about which events were handled. An event is stored in its own
 * transaction (so a crash cannot lose it), then processed in another one that publishes the billing
 * events; listeners that must hold together (a credit grant and its ledger entry) run inside it.
 *
 * <p>An event about a subscription is answered with the subscription's current state, fetched from the
 * provider before the processing transaction opens (no network call inside a transaction), and published
 * as {@link SubscriptionChanged} inside it.
 */
@Component
public class DatabasePaymentInbox implements PaymentInbox {

    private static final Logger log = LoggerFactory.getLogger(DatabasePaymentInbox.class);
    private static final int MAX_ERROR = 500;

    private final JdbcPaymentEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final SubscriptionObserver subscriptions;
    private final BillingProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    DatabasePaymentInbox(JdbcPaymentEventRepository events, ApplicationEventPublisher publisher,
            TransactionTemplate transactions, JsonMapper json, SubscriptionObserver subscriptions,
            BillingProperties properties, AuditLog audit, Clock clock) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean receive(String provider, ProviderEvent event) {
        try (var context = LogContext.with(LogContext.EVENT_ID, event.id()).and(LogContext.ORG_ID, orgNamedBy(event))) {
            return store(provider, event);
        }
    }

    private boolean store(String provider, ProviderEvent event) {
        Instant now = clock.instant();
        boolean fresh = Boolean.TRUE.equals(transactions.execute(tx -> events.insert(event.id(), provider, event.type(),
                json.writeValueAsString(event), now, now.plus(properties.inboxGrace()))));
        if (!fresh) {
            log.info("Payment event {} ({}) received again: already in the inbox", event.id(), event.type());
            return false;
        }
        log.info("Payment event {} ({}) received from {}", event.id(), event.type(), provider);
        process(event.id());
        return true;
    }

    /**
     * Processes one stored event if nobody has yet; safe to call from any instance at any time. Then the
     * events that were waiting for it (see {@link OutOfOrderEvent}) get their turn.
     */
    public void process(String eventId) {
        processOnly(eventId).ifPresent(done -> {
            try {
                events.awaiting(mentions(done)).forEach(this::processOnly);
            }
            catch (RuntimeException e) {
                log.warn("Events waiting for payment event {} are left to the retrier: {}", eventId, describe(e));
            }
        });
    }

    /** The event, when this call processed it. */
    private Optional<ProviderEvent> processOnly(String eventId) {
        try (var context = LogContext.with(LogContext.EVENT_ID, eventId)) {
            return processOnly(eventId, context);
        }
    }

    private Optional<ProviderEvent> processOnly(String eventId, LogContext context) {
        try {
            Optional<ProviderEvent> unprocessed = events.unprocessed(eventId).map(this::parse);
            if (unprocessed.isEmpty()) {
                return Optional.empty();
            }
            context.and(LogContext.ORG_ID, orgNamedBy(unprocessed.get()));
            Optional<SubscriptionChanged> observed = observeSubscription(unprocessed.get());
            return transactions.execute(tx -> events.claim(eventId).map(body -> {
                ProviderEvent event = parse(body);
                publish(event);
                observed.ifPresent(publisher::publishEvent);
                events.markProcessed(eventId, clock.instant());
                return event;
            }));
        }
        catch (OutOfOrderEvent early) {
            int attempts = events.attempts(eventId) + 1;
            Instant next = clock.instant().plus(backoff(attempts));
            transactions.executeWithoutResult(tx -> events.markAwaiting(eventId, early.awaited(), early.getMessage(), next));
            log.info("Payment event {} waits for {} (attempt {}, retrying at {} at the latest): {}", eventId,
                    early.awaited(), attempts, next, early.getMessage());
        }
        catch (RuntimeException e) {
            int attempts = events.attempts(eventId) + 1;
            if (attempts >= properties.inboxMaxAttempts()) {
                giveUp(eventId, attempts, describe(e));
                return Optional.empty();
            }
            Instant next = clock.instant().plus(backoff(attempts));
            transactions.executeWithoutResult(tx -> events.markFailed(eventId, describe(e), next));
            log.warn("Payment event {} failed (attempt {}), retrying at {}: {}", eventId, attempts, next, describe(e));
        }
        return Optional.empty();
    }

    /** The org an event's metadata names, for the log lines about it (not a proof of anything). */
    private static String orgNamedBy(ProviderEvent event) {
        java.util.Map<String, String> metadata = switch (event) {
            case ProviderEvent.CheckoutCompleted completed -> completed.session().metadata();
            case ProviderEvent.CheckoutExpired expired -> expired.session().metadata();
            case ProviderEvent.ChargeRefunded refunded -> refunded.metadata();
            default -> null;
        };
        return metadata == null ? null : metadata.get("org_id");
    }

    /** The ids an event mentions, which an event that arrived before it may be waiting for. */
    private static Set<String> mentions(ProviderEvent event) {
        CheckoutState session = switch (event) {
            case ProviderEvent.CheckoutCompleted completed -> completed.session();
            case ProviderEvent.CheckoutExpired expired -> expired.session();
            default -> null;
        };
        if (session == null) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>(session.metadata() == null ? Set.of() : session.metadata().values());
        Stream.of(session.sessionId(), session.clientReferenceId(), session.paymentIntentId())
                .filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    /** The last allowed attempt failed: the event is dead, audited, and logged for an operator. */
    private void giveUp(String eventId, int attempts, String error) {
        transactions.executeWithoutResult(tx -> {
            events.markDead(eventId, error, clock.instant());
            audit.record(new AuditRecord(null, null, "payment_event.dead", "payment_event", eventId, null,
                    Map.of("attempts", attempts, "lastError", error)));
        });
        log.error("Payment event {} is dead after {} failed attempts; it will not be retried: {}", eventId, attempts,
                error);
    }

    /** The subscription an event is about, as the provider reports it now; empty for other events. */
    private Optional<SubscriptionChanged> observeSubscription(ProviderEvent event) {
        String subscriptionId = switch (event) {
            case ProviderEvent.CheckoutCompleted completed when "subscription".equals(completed.session().mode()) ->
                    completed.session().subscriptionId();
            case ProviderEvent.SubscriptionUpdated updated -> updated.subscriptionId();
            default -> null;
        };
        return subscriptionId == null ? Optional.empty() : subscriptions.observe(event.id(), subscriptionId);
    }

    private ProviderEvent parse(String body) {
        return json.readValue(body, ProviderEvent.class);
    }

    private void publish(ProviderEvent event) {
        switch (event) {
            case ProviderEvent.CheckoutCompleted completed when completed.session().paid() ->
                    publisher.publishEvent(new CheckoutPaid(event.id(), completed.session()));
            case ProviderEvent.CheckoutCompleted unpaid when "payment".equals(unpaid.session().mode()) ->
                    log.info("Checkout {} completed unpaid (payment pending)", unpaid.session().sessionId());
            // a subscription-mode checkout without payment (a trial): its subscription says what was bought
            case ProviderEvent.CheckoutCompleted withoutPayment -> { }
            case ProviderEvent.CheckoutExpired expired ->
                    publisher.publishEvent(new CheckoutExpired(event.id(), expired.session()));
            case ProviderEvent.ChargeRefunded refunded -> publisher.publishEvent(new ChargeRefunded(event.id(),
                    refunded.chargeId(), refunded.paymentIntentId(), refunded.amountMinor(),
                    refunded.amountRefundedMinor(), refunded.currency(), refunded.metadata()));
            case ProviderEvent.SubscriptionUpdated updated -> { }
            case ProviderEvent.Other other -> { }
        }
    }

    private Duration backoff(int attempts) {
        Duration delay = properties.inboxRetryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(properties.inboxRetryMax()) > 0 ? properties.inboxRetryMax() : delay;
    }

    private static String describe(RuntimeException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
