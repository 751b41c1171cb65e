package com.getpaidx.orgs.events.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.events.EventsProperties;
import com.getpaidx.orgs.events.EventsProperties.Endpoint;
import com.getpaidx.orgs.events.internal.JdbcEventDeliveryRepository.Claimed;
import com.getpaidx.orgs.shared.GracefulWorker;

/**
 * Delivers due events. Each poll claims a batch in one statement and only then posts, one delivery at a time and
 * outside any transaction; a 2xx within the timeout is delivered, anything else is retried with an exponential
 * backoff until {@code give-up-after} has passed since the event: then it is dead. At shutdown it stops between
 * deliveries and gives the rest of its batch back.
 */
@Component
class EventSender extends GracefulWorker {

    private static final Logger log = LoggerFactory.getLogger(EventSender.class);

    private final JdbcEventDeliveryRepository deliveries;
    private final EventsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;

    EventSender(JdbcEventDeliveryRepository deliveries, EventsProperties properties, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Without endpoints the poll returns at once, touching no table: nothing is queued then. */
    @Scheduled(fixedDelayString = "${getpaidx.events.poll-interval:1s}")
    void sendDue() {
        if (properties.endpoints().isEmpty() || !enter()) {
            return;
        }
        try {
            Instant now = clock.instant();
            List<Claimed> claimed = deliveries.claimDue(now, now.plus(properties.claimLease()), properties.batchSize());
            for (Claimed delivery : claimed) {
                if (open()) {
                    send(delivery);
                }
                else {
                    deliveries.release(delivery, clock.instant());
                }
            }
        }
        finally {
            leave();
        }
    }

    private void send(Claimed delivery) {
        Optional<Endpoint> endpoint = properties.endpoints().stream()
                .filter(candidate -> candidate.url().equals(delivery.endpointUrl())).findFirst();
        if (endpoint.isEmpty()) {
            failed(delivery, null, "the endpoint is no longer configured", true);
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.endpointUrl()))
                .timeout(properties.timeout())
                .header("content-type", "application/json")
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(endpoint.get().key(), delivery.webhookId(), timestamp,
                        delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        try {
            // the timeout covers the answer's head only: its body is never read (the status is all that counts), so an
            // endpoint that answers 200 and then trickles an endless body cannot hold this thread
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            if (status / 100 == 2) {
                deliveries.markDelivered(delivery, status, clock.instant());
                count("delivered");
                log.info("Event {} delivered to {} (attempt {}, {})", delivery.webhookId(), delivery.endpointUrl(),
                        delivery.attempts(), status);
            }
            else {
                failed(delivery, status, "answered " + status, false);
            }
        }
        catch (IOException | IllegalArgumentException e) {
            failed(delivery, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    false);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.release(delivery, clock.instant());
        }
    }

    private void failed(Claimed delivery, @Nullable Integer status, String error, boolean hopeless) {
        Instant next = clock.instant().plus(properties.retryDelay(delivery.attempts()));
        boolean dead = hopeless || next.isAfter(delivery.createdAt().plus(properties.giveUpAfter()));
        deliveries.markFailed(delivery, status, error, dead ? null : next);
        count(dead ? "dead" : "failed");
        if (dead) {
            log.error("Event {} to {} is dead after {} attempts; retry it with POST /api/v1/event-deliveries/{}/retry: {}",
                    delivery.webhookId(), delivery.endpointUrl(), delivery.attempts(), delivery.id(), error);
        }
        else {
            log.warn("Event {} to {} not delivered (attempt {}), next attempt at {}: {}", delivery.webhookId(),
                    delivery.endpointUrl(), delivery.attempts(), next, error);
        }
    }

    private void count(String outcome) {
        meters.counter("getpaidx.events.attempts", "outcome", outcome).increment();
    }
}
