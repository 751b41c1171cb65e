package com.getpaidx.orgs.shared;

import java.time.Duration;

/** Exponential backoff for background retries (mail outbox, outgoing events): doubling from {@code base}, capped. */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("a backoff's base must be positive and at most its max");
        }
    }

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration delay(int failedAttempts) {
        Duration delay = base;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
