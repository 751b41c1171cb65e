package com.getpaidx.orgs.usage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageNotTaken;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageProperties;
import com.getpaidx.orgs.usage.UsageReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane's promises without a database: batches take what queued meanwhile, and a caller that
 * stops waiting is either taken out of the lane (nothing charged) or told the outcome is unknown.
 */
@Execution(ExecutionMode.CONCURRENT) // no Spring context, no shared state, mostly waiting on latches: runs beside it
class GroupCommitterTests {

    private static final OrgId ORG = new OrgId(UUID.randomUUID());
    /** Threads of their own: the common pool may have a single thread on a small machine. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    /** Records every batch; blocks each call until {@link #release} while {@code hold} is set. */
    static final class GatedCharger implements BatchCharger {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold = true;

        @Override
        public List<UsageOutcome> charge(List<Pending> events, Commit commit) {
            batches.add(events.stream().map(e -> e.report().eventId()).toList());
            while (hold) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                    break;
                }
                catch (InterruptedException e) {
                    // a drainer finishes its commit whatever its caller wants
                }
            }
            return events.stream().map(e -> UsageOutcome.accepted(e.report(), ORG, Credits.ofWhole(1))).toList();
        }

        @Override
        public void flush() {
        }
    }

    /** A charger from a function, whose commits are on disk at once. */
    static BatchCharger charger(Function<List<Pending>, List<UsageOutcome>> charge) {
        return new BatchCharger() {
            @Override
            public List<UsageOutcome> charge(List<Pending> events, Commit commit) {
                return charge.apply(events);
            }

            @Override
            public void flush() {
            }
        };
    }

    /** One event through the lane, as a single usage request sends it. */
    private static UsageOutcome charge(GroupCommitter lane, Pending event) {
        return lane.chargeAll(List.of(event)).getFirst();
    }

    static Pending event(String id) {
        return Pending.of(new UsageReport(id, "ws", new UserId(UUID.randomUUID()), Credits.ofWhole(1), "chat", "m",
                Instant.parse("2026-12-01T00:00:00Z")).validated());
    }

    private static GroupCommitter committer(BatchCharger charger, Duration timeout) {
        return new GroupCommitter(charger, new UsageProperties(true, 256, timeout, Duration.ofSeconds(60), Duration.ZERO, 100));
    }

    @Test
    void eventsThatQueueDuringACommitShareTheNextOne() throws Exception {
        GatedCharger charger = new GatedCharger();
        GroupCommitter lane = committer(charger, Duration.ofSeconds(20));
        CompletableFuture<UsageOutcome> first = CompletableFuture.supplyAsync(() -> charge(lane, event("first")), THREADS);
        await().until(() -> charger.batches.size() == 1);
        List<CompletableFuture<UsageOutcome>> rest = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "e" + i;
            rest.add(CompletableFuture.supplyAsync(() -> charge(lane, event(id)), THREADS));
        }
        await().until(() -> lane.queued() == 20); // all 20 behind the held commit
        charger.hold = false;
        charger.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(UsageOutcome.Status.ACCEPTED);
        for (var future : rest) {
            assertThat(future.get(10, TimeUnit.SECONDS).status()).isEqualTo(UsageOutcome.Status.ACCEPTED);
        }
        assertThat(charger.batches.getFirst()).containsExactly("first");
        assertThat(charger.batches).as("20 events queued behind one commit share the next").hasSize(2);
    }

    @Test
    void aCallerWhoseEventIsStillQueuedIsTakenOutAndNothingIsCharged() throws Exception {
        GatedCharger charger = new GatedCharger();
        GroupCommitter lane = committer(charger, Duration.ofMillis(300));
        CompletableFuture<UsageOutcome> drainer = CompletableFuture.supplyAsync(() -> charge(lane, event("drainer")), THREADS);
        await().until(() -> charger.batches.size() == 1);
        CompletableFuture<UsageOutcome> late = CompletableFuture.supplyAsync(() -> charge(lane, event("late")), THREADS);
        assertThat(late).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingRootCause()
                .isInstanceOf(UsageNotTaken.class);
        charger.hold = false;
        charger.release.countDown();
        assertThat(drainer.get(10, TimeUnit.SECONDS).status()).isEqualTo(UsageOutcome.Status.ACCEPTED);
        assertThat(charger.batches).as("the event that gave up never reached a commit").containsExactly(List.of("drainer"));
    }

    @Test
    void aCallerWhoseBatchMayStillCommitIsToldTheOutcomeIsUnknown() throws Exception {
        CountDownLatch openerGate = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        BatchCharger charger = charger(events -> {
            batches.add(events.stream().map(e -> e.report().eventId()).toList());
            // the first commit waits for the test; the second outlives its waiters' patience, then lands
            awaitQuietly(batches.size() == 1 ? openerGate : never, batches.size() == 1 ? 10 : 8);
            return events.stream().map(e -> UsageOutcome.accepted(e.report(), ORG, Credits.ofWhole(1))).toList();
        });
        // patience long enough for x and y to be taken into the second batch on a busy machine
        GroupCommitter lane = committer(charger, Duration.ofSeconds(3));
        CompletableFuture<UsageOutcome> opener = CompletableFuture.supplyAsync(() -> charge(lane, event("opener")), THREADS);
        await().until(() -> batches.size() == 1);
        CompletableFuture<Object> x = CompletableFuture.supplyAsync(() -> outcomeOrError(lane, "x"), THREADS);
        CompletableFuture<Object> y = CompletableFuture.supplyAsync(() -> outcomeOrError(lane, "y"), THREADS);
        await().until(() -> lane.queued() == 2);
        openerGate.countDown();
        assertThat(opener.get(10, TimeUnit.SECONDS).status()).isEqualTo(UsageOutcome.Status.ACCEPTED);
        List<Object> answers = List.of(x.get(10, TimeUnit.SECONDS), y.get(10, TimeUnit.SECONDS));
        assertThat(batches.get(1)).containsExactlyInAnyOrder("x", "y");
        // whoever of them did not drain gave up while the charge could still land; one that drained
        // learns the outcome if the flush answered it before it looked at its patience
        assertThat(answers).filteredOn(OutcomeUnknown.class::isInstance).isNotEmpty();
        assertThat(answers).allMatch(a -> a instanceof OutcomeUnknown || a instanceof UsageOutcome);
    }

    static void awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Object outcomeOrError(GroupCommitter lane, String id) {
        try {
            return charge(lane, event(id));
        }
        catch (RuntimeException e) {
            return e;
        }
    }

    private static List<Pending> events(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> event(prefix + i)).toList();
    }

    private static List<String> ids(CompletableFuture<List<UsageOutcome>> request) throws Exception {
        return request.get(10, TimeUnit.SECONDS).stream().map(UsageOutcome::eventId).toList();
    }

    @Test
    void batchRequestsShareCommitsWholeAndAreNeverSplit() throws Exception {
        GatedCharger charger = new GatedCharger();
        GroupCommitter lane = new GroupCommitter(charger, new UsageProperties(true, 6, Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ZERO, 100));
        CompletableFuture<UsageOutcome> opener = CompletableFuture.supplyAsync(() -> charge(lane, event("opener")), THREADS);
        await().until(() -> charger.batches.size() == 1);
        List<CompletableFuture<List<UsageOutcome>>> requests = new ArrayList<>();
        String[] prefixes = {"a", "b", "c", "big"};
        int[] sizes = {3, 3, 2, 7};
        for (int i = 0; i < prefixes.length; i++) {
            List<Pending> request = events(prefixes[i], sizes[i]);
            requests.add(CompletableFuture.supplyAsync(() -> lane.chargeAll(request), THREADS));
            int queued = i + 1;
            await().until(() -> lane.queued() == queued); // in this order behind the held commit
        }
        charger.hold = false;
        charger.release.countDown();
        opener.get(10, TimeUnit.SECONDS);
        assertThat(ids(requests.get(0))).as("each request gets its own outcomes, in order").containsExactly("a0", "a1", "a2");
        assertThat(ids(requests.get(3))).hasSize(7);
        assertThat(charger.batches).as("a and b fit the limit of 6 together; c would not; big goes alone").containsExactly(
                List.of("opener"), List.of("a0", "a1", "a2", "b0", "b1", "b2"), List.of("c0", "c1"),
                List.of("big0", "big1", "big2", "big3", "big4", "big5", "big6"));
    }
}
