package com.getpaidx.orgs.mail.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox's dead mail, for an operator: a health detail ({@code mailOutbox.deadMails}; the service stays
 * up, since dead mail needs a person, not a restart). The gauges are {@link MailOutboxMetrics}'.
 */
@Component
class MailOutboxHealthIndicator implements HealthIndicator {

    private final JdbcMailOutboxRepository outbox;

    MailOutboxHealthIndicator(JdbcMailOutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("deadMails", outbox.countDead()).build();
    }
}
