package com.getpaidx.orgs.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from somewhere slow (a count over a table) at most once per {@code maxAge}, for gauges:
 * a scrape every second, or several scrapers, cost one query per interval. A failed read keeps the last
 * value (the database may be restarting); with none yet, the reading is {@code null}.
 */
public final class CachedReading<T> {

    private final Supplier<T> source;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    public CachedReading(Supplier<T> source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= maxAgeNanos) {
            try {
                value = source.get();
                readAt = now;
            }
            catch (RuntimeException e) {
                // the last value stands; the next scrape tries again
            }
        }
        return value;
    }
}
