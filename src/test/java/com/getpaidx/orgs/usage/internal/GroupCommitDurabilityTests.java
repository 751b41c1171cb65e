package com.getpaidx.orgs.usage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageProperties;

import static com.getpaidx.orgs.usage.internal.GroupCommitterTests.awaitQuietly;
import static com.getpaidx.orgs.usage.internal.GroupCommitterTests.event;
import static com.getpaidx.orgs.usage.internal.GroupCommitterTests.outcomeOrError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane answers no one before the disk has their charge: every batch commits deferred and is
 * answered only after a flush, which comes when the lane runs dry or the deferred work reaches its
 * bounds; a failed flush leaves its callers an unknown outcome, never a false "charged".
 */
class GroupCommitDurabilityTests {

    private static final OrgId ORG = new OrgId(UUID.randomUUID());
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    /** Holds the first commit until released; logs each commit's mode and each flush; fails as told. */
    static final class Recorder implements BatchCharger {
        final List<String> log = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final List<CompletableFuture<Object>> calls = new CopyOnWriteArrayList<>();
        /** For each flush, which calls (by position) had been answered when it began. */
        final List<List<Integer>> answeredAtFlush = new CopyOnWriteArrayList<>();
        volatile String failing = "";
        volatile boolean flushFails;
        volatile Runnable duringCharge = () -> { };

        @Override
        public List<UsageOutcome> charge(List<Pending> events, Commit commit) {
            String ids = String.join(",", events.stream().map(e -> e.report().eventId()).toList());
            log.add(commit + ":" + ids);
            if (log.size() == 1) {
                awaitQuietly(release, 10);
            }
            duringCharge.run();
            if (ids.equals(failing)) {
                throw new IllegalStateException("the database went away");
            }
            return events.stream().map(e -> UsageOutcome.accepted(e.report(), ORG, Credits.ofWhole(1))).toList();
        }

        @Override
        public void flush() {
            log.add("FLUSH");
            answeredAtFlush.add(IntStream.range(0, calls.size()).filter(i -> calls.get(i).isDone()).boxed().toList());
            if (flushFails) {
                throw new IllegalStateException("the database went away");
            }
        }
    }

    /** The opener's commit is held while the named events queue behind it, in order; then released. */
    private static List<Object> run(Recorder charger, int maxBatch, String... ids) throws Exception {
        GroupCommitter lane = new GroupCommitter(charger, new UsageProperties(true, maxBatch, Duration.ofSeconds(20), Duration.ofSeconds(60)));
        charger.calls.add(CompletableFuture.supplyAsync(() -> outcomeOrError(lane, "opener"), THREADS));
        await().until(() -> charger.log.size() == 1);
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            charger.calls.add(CompletableFuture.supplyAsync(() -> outcomeOrError(lane, id), THREADS));
            int queued = i + 1;
            await().until(() -> lane.queued() == queued);
        }
        charger.release.countDown();
        List<Object> answers = new ArrayList<>();
        for (var call : charger.calls) {
            answers.add(call.get(10, TimeUnit.SECONDS));
        }
        return answers;
    }

    @Test
    void everyBatchIsDeferredAndAnsweredOnlyAfterTheFlushThatCoversIt() throws Exception {
        Recorder charger = new Recorder();
        List<Object> answers = run(charger, 1, "a", "b");
        assertThat(answers).allMatch(UsageOutcome.class::isInstance);
        // a batch limit of one event: at most two events wait for the disk
        assertThat(charger.log).containsExactly("DEFERRED:opener", "DEFERRED:a", "FLUSH", "DEFERRED:b", "FLUSH");
        assertThat(charger.answeredAtFlush.get(0)).as("nobody answered before the flush that covers them").isEmpty();
        assertThat(charger.answeredAtFlush.get(1)).doesNotContain(2);
    }

    @Test
    void aLoneRequestIsFlushedAtOnce() throws Exception {
        Recorder charger = new Recorder();
        assertThat(run(charger, 1000)).allMatch(UsageOutcome.class::isInstance);
        assertThat(charger.log).containsExactly("DEFERRED:opener", "FLUSH");
    }

    @Test
    void deferredWorkIsBoundedByTwiceTheBatchLimitOfEvents() throws Exception {
        Recorder charger = new Recorder();
        List<Object> answers = run(charger, 1, "a", "b", "c", "d");
        assertThat(answers).allMatch(UsageOutcome.class::isInstance);
        assertThat(charger.log).containsExactly("DEFERRED:opener", "DEFERRED:a", "FLUSH", "DEFERRED:b", "DEFERRED:c",
                "FLUSH", "DEFERRED:d", "FLUSH");
        assertThat(charger.answeredAtFlush.get(0)).isEmpty();
        assertThat(charger.answeredAtFlush.get(1)).as("b and c wait for the second flush").doesNotContain(2, 3, 4);
        assertThat(charger.answeredAtFlush.get(2)).doesNotContain(4);
    }

    @Test
    void deferredWorkIsBoundedByEightBatches() throws Exception {
        Recorder charger = new Recorder();
        charger.release.countDown();
        GroupCommitter lane = new GroupCommitter(charger, new UsageProperties(true, 100, Duration.ofSeconds(20), Duration.ofSeconds(60)));
        AtomicInteger spawned = new AtomicInteger();
        // during each commit one more request arrives, so the lane never runs dry until the tenth
        charger.duringCharge = () -> {
            int n = spawned.incrementAndGet();
            if (n <= 10) {
                charger.calls.add(CompletableFuture.supplyAsync(() -> outcomeOrError(lane, "s" + n), THREADS));
                await().until(() -> lane.queued() == 1);
            }
        };
        CountDownLatch go = new CountDownLatch(1);
        charger.calls.add(CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go, 10);
            return outcomeOrError(lane, "opener");
        }, THREADS));
        go.countDown(); // the opener is call 0, s1 … s10 are calls 1 … 10
        await().until(() -> charger.calls.size() == 11 && charger.calls.stream().allMatch(CompletableFuture::isDone));
        assertThat(charger.calls).allMatch(call -> call.join() instanceof UsageOutcome);
        assertThat(charger.log).containsExactly("DEFERRED:opener", "DEFERRED:s1", "DEFERRED:s2", "DEFERRED:s3", "DEFERRED:s4",
                "DEFERRED:s5", "DEFERRED:s6", "DEFERRED:s7", "FLUSH", "DEFERRED:s8", "DEFERRED:s9", "DEFERRED:s10", "FLUSH");
        assertThat(charger.answeredAtFlush.get(0)).isEmpty();
        assertThat(charger.answeredAtFlush.get(1)).doesNotContain(8, 9, 10);
    }

    @Test
    void aFailedBatchIsAnsweredWithItsErrorAndTheOthersStillWaitForTheFlush() throws Exception {
        Recorder charger = new Recorder();
        charger.failing = "b";
        List<Object> answers = run(charger, 1, "a", "b");
        assertThat(answers.get(1)).isInstanceOf(UsageOutcome.class);
        assertThat(answers.get(2)).isInstanceOf(IllegalStateException.class);
        assertThat(charger.log).containsExactly("DEFERRED:opener", "DEFERRED:a", "FLUSH", "DEFERRED:b");
    }

    @Test
    void aFailedFlushLeavesTheDeferredCallersAnUnknownOutcome() throws Exception {
        Recorder charger = new Recorder();
        charger.flushFails = true;
        List<Object> answers = run(charger, 1, "a");
        assertThat(answers).as("committed, but perhaps not on disk: retry with the same eventId")
                .allMatch(OutcomeUnknown.class::isInstance);
    }
}
