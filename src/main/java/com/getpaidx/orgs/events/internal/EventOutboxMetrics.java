package com.getpaidx.orgs.events.internal;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.shared.MetricsProperties;
import com.getpaidx.orgs.shared.OutboxGauges;

/**
 * Outgoing events as gauges: {@code getpaidx_events_outbox_pending}, {@code getpaidx_events_outbox_dead} and
 * {@code getpaidx_events_outbox_oldest_seconds}; attempts are counted by the sender in
 * {@code getpaidx_events_attempts_total{outcome=delivered|failed|dead}}.
 */
@Component
class EventOutboxMetrics {

    private final OutboxGauges gauges;

    EventOutboxMetrics(JdbcEventDeliveryRepository deliveries, MetricsProperties properties, Clock clock,
            MeterRegistry meters) {
        this.gauges = new OutboxGauges("getpaidx.events.outbox", "Events", deliveries::backlog, properties, clock,
                meters);
    }
}
