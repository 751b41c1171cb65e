package com.getpaidx.orgs.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.mail.internal.JdbcMailOutboxRepository.Backlog;
import com.getpaidx.orgs.shared.CachedReading;
import com.getpaidx.orgs.shared.MetricsProperties;

/**
 * The outbox as gauges: {@code getpaidx_mail_outbox_pending}, {@code getpaidx_mail_outbox_dead} and
 * {@code getpaidx_mail_outbox_oldest_seconds} (how long the oldest unsent mail has waited; 0 when none).
 * One query per {@code getpaidx.metrics.gauge-refresh} at most, on scrape; the age counts on between reads.
 */
@Component
class MailOutboxMetrics {

    private final CachedReading<Backlog> backlog;
    private final Clock clock;

    MailOutboxMetrics(JdbcMailOutboxRepository outbox, MetricsProperties properties, Clock clock, MeterRegistry meters) {
        this.backlog = new CachedReading<>(outbox::backlog, properties.gaugeRefresh());
        this.clock = clock;
        Gauge.builder("getpaidx.mail.outbox.pending", this, m -> m.read(Backlog::pending))
                .description("Mails queued and not yet sent (retries included)").register(meters);
        Gauge.builder("getpaidx.mail.outbox.dead", this, m -> m.read(Backlog::dead))
                .description("Mails given up after their last allowed attempt").register(meters);
        Gauge.builder("getpaidx.mail.outbox.oldest", this, MailOutboxMetrics::oldestSeconds).baseUnit("seconds")
                .description("Age of the oldest mail not yet sent").register(meters);
    }

    private double read(java.util.function.ToLongFunction<Backlog> field) {
        Backlog now = backlog.get();
        return now == null ? Double.NaN : field.applyAsLong(now);
    }

    private double oldestSeconds() {
        Backlog now = backlog.get();
        if (now == null) {
            return Double.NaN;
        }
        Instant oldest = now.oldestPending();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
