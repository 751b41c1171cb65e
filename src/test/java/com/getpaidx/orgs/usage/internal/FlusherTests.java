package com.getpaidx.orgs.usage.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.usage.UsageOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a flush starts: at once without a linger; with one, only once the oldest batch waiting is that
 * old, so that batches committed meanwhile share the flush.
 */
class FlusherTests {

    /** Counts flushes and the batches each covered. */
    static final class CountingCharger implements BatchCharger {
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public List<UsageOutcome> charge(List<Pending> events, Commit commit) {
            throw new UnsupportedOperationException("the flusher only flushes");
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }
    }

    /** An answer for the flusher, and when its waiter saw it (complete once the time is recorded). */
    private record Waited(Flusher.Answer answer, CompletableFuture<Long> answeredAt) {
    }

    private static Waited answer(String eventId) {
        CompletableFuture<List<UsageOutcome>> outcome = new CompletableFuture<>();
        Pending event = GroupCommitterTests.event(eventId);
        Flusher.Answer answer = new Flusher.Answer(outcome,
                List.of(UsageOutcome.accepted(event.report(), null, Credits.ofWhole(1))), Thread.currentThread());
        return new Waited(answer, outcome.thenApply(outcomes -> System.nanoTime()));
    }

    @Test
    void batchesCommittedWithinTheLingerShareOneFlushThatStartsNoSooner() throws Exception {
        CountingCharger charger = new CountingCharger();
        Flusher flusher = new Flusher(charger, Duration.ofSeconds(1)); // b comes within it, however busy the machine
        Waited a = answer("a");
        Waited b = answer("b");
        long first = System.nanoTime();
        flusher.answerAfterFlush(List.of(a.answer()));
        flusher.answerAfterFlush(List.of(b.answer()));

        long aAt = a.answeredAt().get(10, TimeUnit.SECONDS);
        long bAt = b.answeredAt().get(10, TimeUnit.SECONDS);
        assertThat(charger.flushes.get()).as("one flush for both batches").isEqualTo(1);
        assertThat(List.of(aAt, bAt)).allSatisfy(at -> assertThat(at - first).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1)));
    }

    @Test
    void withoutALingerABatchIsFlushedAtOnce() throws Exception {
        CountingCharger charger = new CountingCharger();
        Flusher flusher = new Flusher(charger, Duration.ZERO);
        long first = System.nanoTime();
        Waited a = answer("a");
        flusher.answerAfterFlush(List.of(a.answer()));

        long aAt = a.answeredAt().get(10, TimeUnit.SECONDS);
        assertThat(charger.flushes.get()).isEqualTo(1);
        assertThat(aAt - first).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }
}
