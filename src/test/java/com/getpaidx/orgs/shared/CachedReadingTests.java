package com.getpaidx.orgs.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A gauge's reading costs one query per interval, however often it is scraped. */
class CachedReadingTests {

    @Test
    void readsAtMostOncePerInterval() {
        AtomicInteger reads = new AtomicInteger();
        // long enough for the 100 scrapes below on a busy machine
        CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofSeconds(2));
        for (int scrape = 0; scrape < 100; scrape++) {
            assertThat(reading.get()).isEqualTo(1);
        }
        assertThat(reads).hasValue(1);
        await().atMost(Duration.ofSeconds(10)).until(reading::get, value -> value == 2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadKeepsTheLastValue() {
        AtomicInteger reads = new AtomicInteger();
        CachedReading<Integer> reading = new CachedReading<>(() -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return 7;
        }, Duration.ZERO);
        assertThat(reading.get()).isEqualTo(7);
        assertThat(reading.get()).isEqualTo(7);
        assertThat(reads.get()).isGreaterThan(1);
        assertThat(new CachedReading<Integer>(() -> { throw new IllegalStateException(); }, Duration.ZERO).get()).isNull();
    }
}
