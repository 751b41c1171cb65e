package com.getpaidx.orgs.billing.internal;

import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.billing.internal.JdbcPaymentEventRepository.Backlog;
import com.getpaidx.orgs.shared.CachedReading;
import com.getpaidx.orgs.shared.MetricsProperties;

/**
 * The payment inbox as gauges: {@code getpaidx_payment_inbox_pending} (received, not yet processed: failed,
 * waiting for another event, or in progress) and {@code getpaidx_payment_inbox_dead}. One query per
 * {@code getpaidx.metrics.gauge-refresh} at most, on scrape.
 */
@Component
class PaymentInboxMetrics {

    private final CachedReading<Backlog> backlog;

    PaymentInboxMetrics(JdbcPaymentEventRepository events, MetricsProperties properties, MeterRegistry meters) {
        this.backlog = new CachedReading<>(events::backlog, properties.gaugeRefresh());
        Gauge.builder("getpaidx.payment.inbox.pending", this, m -> m.read(Backlog::pending))
                .description("Payment events received and not yet processed").register(meters);
        Gauge.builder("getpaidx.payment.inbox.dead", this, m -> m.read(Backlog::dead))
                .description("Payment events given up after their last allowed attempt").register(meters);
    }

    private double read(ToLongFunction<Backlog> field) {
        Backlog now = backlog.get();
        return now == null ? Double.NaN : field.applyAsLong(now);
    }
}
