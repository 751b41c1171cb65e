package com.getpaidx.orgs.billing.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The inbox's dead events, for an operator: a health detail ({@code paymentInbox.deadEvents}; the service
 * stays up, since a dead event needs a person, not a restart). The gauges are {@link PaymentInboxMetrics}'.
 */
@Component
class PaymentInboxHealthIndicator implements HealthIndicator {

    private final JdbcPaymentEventRepository events;

    PaymentInboxHealthIndicator(JdbcPaymentEventRepository events) {
        this.events = events;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("deadEvents", events.countDead()).build();
    }
}
