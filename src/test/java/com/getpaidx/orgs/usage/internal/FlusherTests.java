package com.getpaidx.orgs.usage.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private static Flusher.Answer answer(String eventId, List<Long> answeredAt) {
        CompletableFuture<List<UsageOutcome>> outcome = new CompletableFuture<>();
        outcome.thenRun(() -> answeredAt.add(System.nanoTime()));
        Pending event = GroupCommitterTests.event(eventId);
        return new Flusher.Answer(outcome, List.of(UsageOutcome.accepted(event.report(), null, Credits.ofWhole(1))),
                Thread.currentThread());
    }

    @Test
    void batchesCommittedWithinTheLingerShareOneFlushThatStartsNoSooner() throws Exception {
        CountingCharger charger = new CountingCharger();
        Flusher flusher = new Flusher(charger, Duration.ofMillis(300));
        List<Long> answeredAt = new CopyOnWriteArrayList<>();
        long first = System.nanoTime();
        Flusher.Answer a = answer("a", answeredAt);
        flusher.answerAfterFlush(List.of(a));
        Flusher.Answer b = answer("b", answeredAt);
        flusher.answerAfterFlush(List.of(b));

        a.outcome().get(10, TimeUnit.SECONDS);
        b.outcome().get(10, TimeUnit.SECONDS);
        assertThat(charger.flushes.get()).as("one flush for both batches").isEqualTo(1);
        assertThat(answeredAt).allSatisfy(at -> assertThat(at - first).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300)));
    }

    @Test
    void withoutALingerABatchIsFlushedAtOnce() throws Exception {
        CountingCharger charger = new CountingCharger();
        Flusher flusher = new Flusher(charger, Duration.ZERO);
        List<Long> answeredAt = new CopyOnWriteArrayList<>();
        long first = System.nanoTime();
        Flusher.Answer a = answer("a", answeredAt);
        flusher.answerAfterFlush(List.of(a));

        a.outcome().get(10, TimeUnit.SECONDS);
        assertThat(charger.flushes.get()).isEqualTo(1);
        assertThat(answeredAt.getFirst() - first).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }
}
