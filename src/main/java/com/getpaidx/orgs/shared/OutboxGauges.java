package com.getpaidx.orgs.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * An outbox (mail, outgoing events) as three gauges: {@code <prefix>.pending}, {@code <prefix>.dead} and
 * {@code <prefix>.oldest} (seconds the oldest pending row has waited; 0 when none). One query per
 * {@code getpaidx.metrics.gauge-refresh} at most, on scrape; the age counts on between reads.
 */
public final class OutboxGauges {

    /** What waits and what died. */
    public record Backlog(long pending, long dead, @Nullable Instant oldestPending) {
    }

    private final CachedReading<Backlog> backlog;
    private final Clock clock;

    public OutboxGauges(String prefix, String things, Supplier<Backlog> reading, MetricsProperties properties,
            Clock clock, MeterRegistry meters) {
        this.backlog = new CachedReading<>(reading, properties.gaugeRefresh());
        this.clock = clock;
        Gauge.builder(prefix + ".pending", this, g -> g.read(Backlog::pending))
                .description(things + " queued and not yet sent (retries included)").register(meters);
        Gauge.builder(prefix + ".dead", this, g -> g.read(Backlog::dead))
                .description(things + " given up after their last allowed attempt").register(meters);
        Gauge.builder(prefix + ".oldest", this, OutboxGauges::oldestSeconds).baseUnit("seconds")
                .description("Age of the oldest of the " + things.toLowerCase() + " not yet sent").register(meters);
    }

    private double read(ToLongFunction<Backlog> field) {
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
