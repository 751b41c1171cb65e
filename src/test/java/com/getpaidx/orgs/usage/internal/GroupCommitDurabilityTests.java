package com.getpaidx.orgs.usage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageProperties;

import static com.getpaidx.orgs.usage.internal.GroupCommitterTests.awaitQuietly;
import static com.getpaidx.orgs.usage.internal.GroupCommitterTests.outcomeOrError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane answers no one before the disk has their charge. A batch smaller than {@code defer-from} commits durably
 * and is answered at once. A larger one commits deferred, the flusher answers it after a flush that began after its
 * commit, and the lane goes on charging meanwhile; a failed flush leaves its callers an unknown outcome. Most tests
 * here defer every batch ({@code defer-from} 1).
 */
class GroupCommitDurabilityTests {

    private static final OrgId ORG = new OrgId(UUID.randomUUID());
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    /** Logs each commit's mode and each flush; a flush may be held, or fail; a named event may fail. */
    static final class Recorder implements BatchCharger {
        final List<String> log = new CopyOnWriteArrayList<>();
        final Map<String, Long> committedAt = new ConcurrentHashMap<>();
        final List<long[]> flushes = new CopyOnWriteArrayList<>();
        volatile CountDownLatch flushGate = new CountDownLatch(0);
        volatile String failing = "";
        volatile boolean flushFails;

        @Override
        public List<UsageOutcome> charge(List<Pending> events, Commit commit) {
            String ids = String.join(",", events.stream().map(e -> e.report().eventId()).toList());
            log.add(commit + ":" + ids);
            if (ids.equals(failing)) {
                throw new IllegalStateException("the database went away");
            }
            events.forEach(e -> committedAt.put(e.report().eventId(), System.nanoTime()));
            return events.stream().map(e -> UsageOutcome.accepted(e.report(), ORG, Credits.ofWhole(1))).toList();
        }

        @Override
        public void flush() {
            long start = System.nanoTime();
            log.add("FLUSH");
            awaitQuietly(flushGate, 10);
            if (flushFails) {
                throw new IllegalStateException("the database went away");
            }
            flushes.add(new long[] {start, System.nanoTime()});
        }
    }

    private static GroupCommitter lane(Recorder charger) {
        return lane(charger, 1, 1);
    }

    private static GroupCommitter lane(Recorder charger, int maxBatch, int deferFrom) {
        return new GroupCommitter(charger,
                new UsageProperties(true, maxBatch, Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ZERO, deferFrom));
    }

    /** A call and when its caller got the answer. */
    private record Call(String id, CompletableFuture<Object> answer, long[] answeredAt) {
    }

    private static Call call(GroupCommitter lane, String id) {
        long[] answeredAt = new long[1];
        return new Call(id, CompletableFuture.supplyAsync(() -> {
            Object answer = outcomeOrError(lane, id);
            answeredAt[0] = System.nanoTime();
            return answer;
        }, THREADS), answeredAt);
    }

    @Test
    void everyAnswerComesAfterAFlushThatBeganAfterItsCommit() throws Exception {
        Recorder charger = new Recorder();
        GroupCommitter lane = lane(charger);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(call(lane, "e" + i));
        }
        for (Call call : calls) {
            assertThat(call.answer().get(10, TimeUnit.SECONDS)).isInstanceOf(UsageOutcome.class);
            long committed = charger.committedAt.get(call.id());
            assertThat(charger.flushes).as(call.id() + " was answered after a flush that covers it")
                    .anyMatch(flush -> flush[0] > committed && flush[1] <= call.answeredAt()[0]);
        }
        assertThat(charger.log).filteredOn(entry -> !entry.equals("FLUSH")).allMatch(entry -> entry.startsWith("DEFERRED:"));
    }

    @Test
    void theLaneGoesOnChargingWhileAFlushWaitsForTheDisk() throws Exception {
        Recorder charger = new Recorder();
        charger.flushGate = new CountDownLatch(1);
        GroupCommitter lane = lane(charger);
        Call first = call(lane, "first");
        await().until(() -> charger.log.contains("FLUSH"));
        List<Call> more = List.of(call(lane, "a"), call(lane, "b"), call(lane, "c"));
        await().until(() -> charger.log.containsAll(List.of("DEFERRED:a", "DEFERRED:b", "DEFERRED:c")));
        await().until(() -> lane.awaitingFlush() == 3); // handed to the flusher, not only committed
        assertThat(first.answer()).as("first waits for its flush").isNotDone();
        assertThat(more).allMatch(call -> !call.answer().isDone());
        charger.flushGate.countDown();
        assertThat(first.answer().get(10, TimeUnit.SECONDS)).isInstanceOf(UsageOutcome.class);
        for (Call call : more) {
            assertThat(call.answer().get(10, TimeUnit.SECONDS)).isInstanceOf(UsageOutcome.class);
        }
        assertThat(charger.log.stream().filter("FLUSH"::equals).count()).as("a, b and c share the second flush").isEqualTo(2);
    }

    @Test
    void aLoneRequestIsDeferredAndFlushed() throws Exception {
        Recorder charger = new Recorder();
        assertThat(call(lane(charger), "alone").answer().get(10, TimeUnit.SECONDS)).isInstanceOf(UsageOutcome.class);
        assertThat(charger.log).containsExactly("DEFERRED:alone", "FLUSH");
    }

    @Test
    void aBatchSmallerThanDeferFromCommitsDurablyAndIsAnsweredWithoutAFlush() throws Exception {
        Recorder charger = new Recorder();
        charger.flushGate = new CountDownLatch(1); // a flush would never end
        assertThat(call(lane(charger, 100, 2), "alone").answer().get(10, TimeUnit.SECONDS)).isInstanceOf(UsageOutcome.class);
        assertThat(charger.log).containsExactly("DURABLE:alone");
    }

    @Test
    void aBatchOfDeferFromEventsIsDeferredAndAnsweredAfterItsFlush() throws Exception {
        Recorder charger = new Recorder();
        charger.flushGate = new CountDownLatch(1);
        GroupCommitter lane = lane(charger, 100, 2);
        CompletableFuture<List<UsageOutcome>> both = CompletableFuture.supplyAsync(
                () -> lane.chargeAll(List.of(GroupCommitterTests.event("a"), GroupCommitterTests.event("b"))), THREADS);
        await().until(() -> charger.log.contains("FLUSH"));
        assertThat(both).as("committed, but not answered before its flush").isNotDone();
        charger.flushGate.countDown();
        assertThat(both.get(10, TimeUnit.SECONDS)).hasSize(2);
        assertThat(charger.log).containsExactly("DEFERRED:a,b", "FLUSH");
    }

    @Test
    void aFailedBatchIsAnsweredWithItsErrorAndNeedsNoFlush() throws Exception {
        Recorder charger = new Recorder();
        charger.failing = "broken";
        assertThat(call(lane(charger), "broken").answer().get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(charger.log).containsExactly("DEFERRED:broken");
    }

    @Test
    void aFailedFlushLeavesItsCallersAnUnknownOutcome() throws Exception {
        Recorder charger = new Recorder();
        charger.flushFails = true;
        assertThat(call(lane(charger), "a").answer().get(10, TimeUnit.SECONDS))
                .as("committed, but perhaps not on disk: retry with the same eventId").isInstanceOf(OutcomeUnknown.class);
    }
}
