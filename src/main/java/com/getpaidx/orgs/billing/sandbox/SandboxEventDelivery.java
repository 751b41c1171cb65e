package com.getpaidx.orgs.billing.sandbox;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.billing.BillingProperties;
import com.getpaidx.orgs.billing.PaymentInbox;
import com.getpaidx.orgs.billing.ProviderEvent;
import com.getpaidx.orgs.shared.GracefulWorker;

/**
 * The sandbox's webhook: hands its events to the same inbox Stripe's go to. Like Stripe it keeps
 * trying: an event whose delivery failed (or whose sender died first) is sent again by a sweep.
 */
@Component
@ConditionalOnPaymentSandbox
class SandboxEventDelivery extends GracefulWorker {

    private static final Logger log = LoggerFactory.getLogger(SandboxEventDelivery.class);
    private static final int BATCH = 50;

    private final JdbcSandboxEventRepository events;
    private final PaymentInbox inbox;
    private final JsonMapper json;
    private final BillingProperties properties;
    private final Clock clock;

    SandboxEventDelivery(JdbcSandboxEventRepository events, PaymentInbox inbox, JsonMapper json,
            BillingProperties properties, Clock clock) {
        this.events = events;
        this.inbox = inbox;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Delivers an event whose row is committed. A failure does not undo what the sandbox did (Stripe's
     * API call does not fail when its webhook does); the sweep delivers it later.
     */
    void deliver(UUID key, ProviderEvent event) {
        try {
            send(key, event);
        }
        catch (RuntimeException e) {
            log.warn("Sandbox event {} ({}) not delivered, the sweep retries it: {}", event.id(), event.type(), e.toString());
        }
    }

    /** @return false when the inbox already had the event (it then does nothing again) */
    boolean redeliver(String eventId) {
        JdbcSandboxEventRepository.StoredEvent stored = SandboxIds.eventKey(eventId).flatMap(events::find)
                .orElseThrow(SandboxEventNotFound::new);
        return send(stored.key(), parse(stored));
    }

    /** Runs on every instance; two instances sending one event is harmless, the inbox keeps it once. */
    @Scheduled(fixedDelayString = "${getpaidx.billing.inbox-retry-interval:5s}")
    void retryUndelivered() {
        if (!enter()) {
            return;
        }
        try {
            for (JdbcSandboxEventRepository.StoredEvent stored : events.undelivered(clock.instant().minus(properties.inboxGrace()), BATCH)) {
                if (!open()) {
                    return;
                }
                deliver(stored.key(), parse(stored));
            }
        }
        finally {
            leave();
        }
    }

    private boolean send(UUID key, ProviderEvent event) {
        boolean fresh = inbox.receive(SandboxPaymentProvider.NAME, event);
        events.markDelivered(key, clock.instant());
        return fresh;
    }

    private ProviderEvent parse(JdbcSandboxEventRepository.StoredEvent stored) {
        return json.readValue(stored.body(), ProviderEvent.class);
    }
}
