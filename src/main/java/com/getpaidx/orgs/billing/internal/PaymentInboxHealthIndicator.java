package com.getpaidx.orgs.billing.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The inbox's dead events, for an operator: a health detail ({@code paymentInbox.deadEvents}; the service
 * stays up, since a dead event needs a person, not a restart) and the gauge {@code getpaidx.inbox.dead}.
 */
@Component
class PaymentInboxHealthIndicator implements HealthIndicator {

    private final JdbcPaymentEventRepository events;

    PaymentInboxHealthIndicator(JdbcPaymentEventRepository events, MeterRegistry meters) {
        this.events = events;
        Gauge.builder("getpaidx.inbox.dead", events, JdbcPaymentEventRepository::countDead)
                .description("Payment events given up after their last allowed attempt").register(meters);
    }

    @Override
    public Health health() {
        return Health.up().withDetail("deadEvents", events.countDead()).build();
    }
}
