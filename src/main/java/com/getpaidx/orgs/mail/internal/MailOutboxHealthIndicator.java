package com.getpaidx.orgs.mail.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox's dead mail, for an operator: a health detail ({@code mailOutbox.deadMails}; the service stays
 * up, since dead mail needs a person, not a restart) and the gauge {@code getpaidx.mail.dead}.
 */
@Component
class MailOutboxHealthIndicator implements HealthIndicator {

    private final JdbcMailOutboxRepository outbox;

    MailOutboxHealthIndicator(JdbcMailOutboxRepository outbox, MeterRegistry meters) {
        this.outbox = outbox;
        Gauge.builder("getpaidx.mail.dead", outbox, JdbcMailOutboxRepository::countDead)
                .description("Mails given up after their last allowed attempt").register(meters);
    }

    @Override
    public Health health() {
        return Health.up().withDetail("deadMails", outbox.countDead()).build();
    }
}
