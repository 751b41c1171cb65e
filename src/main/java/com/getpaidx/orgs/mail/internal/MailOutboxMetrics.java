package com.getpaidx.orgs.mail.internal;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.shared.MetricsProperties;
import com.getpaidx.orgs.shared.OutboxGauges;

/**
 * The outbox as gauges: {@code getpaidx_mail_outbox_pending}, {@code getpaidx_mail_outbox_dead} and
 * {@code getpaidx_mail_outbox_oldest_seconds} (how long the oldest unsent mail has waited; 0 when none).
 */
@Component
class MailOutboxMetrics {

    private final OutboxGauges gauges;

    MailOutboxMetrics(JdbcMailOutboxRepository outbox, MetricsProperties properties, Clock clock, MeterRegistry meters) {
        this.gauges = new OutboxGauges("getpaidx.mail.outbox", "Mails", () -> {
            JdbcMailOutboxRepository.Backlog backlog = outbox.backlog();
            return new OutboxGauges.Backlog(backlog.pending(), backlog.dead(), backlog.oldestPending());
        }, properties, clock, meters);
    }
}
