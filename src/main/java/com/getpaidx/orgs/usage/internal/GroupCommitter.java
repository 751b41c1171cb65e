package com.getpaidx.orgs.usage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageNotTaken;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageProperties;
import com.getpaidx.orgs.usage.internal.BatchCharger.Commit;

/**
 * Group commit. Requests queue in one lane; whichever request finds the lane idle drains it, taking
 * whatever queued meanwhile (up to the batch limit, for any orgs) into one transaction, with no added
 * wait. Events for one hot wallet, and events for many wallets that arrive together, share a commit.
 * The queue is only an optimisation: the wallet row locks and the unique keys are the truth, so
 * instances on other machines, or a restart, lose nothing.
 * <p>
 * Every request is answered only once its charge is on disk. A batch of fewer than
 * {@code getpaidx.usage.defer-from} events commits {@link Commit#DURABLE} and is answered at once: the
 * lane waits for the disk, but one statement does it all. A larger batch, whose WAL takes longer to
 * flush, commits {@link Commit#DEFERRED} (its locks go at commit), the lane takes the next batch at once,
 * and the {@link Flusher} answers it on its own thread after a flush that covers it.
 */
@Component
public class GroupCommitter {

    /** A waiter is woken when answered or handed the lane; this only bounds a missed wake-up. */
    private static final long PARK_NANOS = 10_000_000;
    /** How long a caller past its patience still waits for a flush when its batch has left the queue. */
    private static final long FLUSH_GRACE_MILLIS = 1_000;

    private final BatchCharger charges;
    private final UsageProperties properties;
    private final ConcurrentLinkedQueue<Waiter> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Flusher flusher;

    GroupCommitter(BatchCharger charges, UsageProperties properties) {
        this.charges = charges;
        this.properties = properties;
        this.flusher = new Flusher(charges, properties.flushLinger());
    }

    /** A request's events (one, or a batch request's), answered together. */
    private record Waiter(List<Pending> events, CompletableFuture<List<UsageOutcome>> outcome, Thread thread, long queuedAt) {
    }

    /**
     * Charges a request's events with whatever else is queued (other requests' events too: batch
     * requests share commits like single events); blocks until its charge is on disk. A caller that gives up
     * (timeout, interrupt) is taken out of the lane if its events are still queued ({@link UsageNotTaken});
     * once they are in a batch that may still commit, it is told so ({@link OutcomeUnknown}).
     */
    public List<UsageOutcome> chargeAll(List<Pending> events) {
        long now = System.nanoTime();
        Waiter waiter = new Waiter(List.copyOf(events), new CompletableFuture<>(), Thread.currentThread(), now);
        queue.add(waiter);
        long deadline = now + properties.waitTimeout().toNanos();
        while (true) {
            drainUntilAnswered(waiter);
            if (waiter.outcome().isDone()) {
                return answer(waiter);
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return giveUp(waiter);
            }
            if (System.nanoTime() - deadline > 0) {
                return giveUp(waiter);
            }
            // parked, not polling: the lane (a durable batch, a failed commit) or the flusher unparks every waiter it answers
            LockSupport.parkNanos(this, PARK_NANOS);
        }
    }

    /** Requests waiting for a commit now, not yet in a batch. */
    int queued() {
        return queue.size();
    }

    /** Answers committed and waiting for a flush that has not begun yet. */
    int awaitingFlush() {
        return flusher.awaitingFlush();
    }

    /** How long the longest waiting request not yet in a batch has waited, in seconds (0 when none waits). */
    double oldestWaitSeconds() {
        Waiter oldest = queue.peek();
        return oldest == null ? 0 : Math.max(0, System.nanoTime() - oldest.queuedAt()) / 1e9;
    }

    private List<UsageOutcome> giveUp(Waiter waiter) {
        if (queue.remove(waiter)) {
            throw new UsageNotTaken();
        }
        // in a batch: committed (then its flush is moments away) or still committing
        try {
            waiter.outcome().get(FLUSH_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException e) {
            // answered below, or unknown
        }
        if (waiter.outcome().isDone()) {
            return answer(waiter);
        }
        throw new OutcomeUnknown();
    }

    private static List<UsageOutcome> answer(Waiter waiter) {
        try {
            return waiter.outcome().join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Drains batches while the lane is ours and {@code mine} is unanswered. */
    private void drainUntilAnswered(Waiter mine) {
        while (!mine.outcome().isDone() && !queue.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                while (!mine.outcome().isDone()) {
                    List<Waiter> batch = take();
                    if (batch.isEmpty()) {
                        break;
                    }
                    commit(batch);
                }
            }
            finally {
                draining.set(false);
                // the lane is free: the longest waiter takes it up (the drainer leaves once its own charge is answered)
                Waiter next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread());
                }
            }
        }
    }

    /** Whole requests, up to the batch limit of events (a request larger than the limit goes alone). */
    private List<Waiter> take() {
        List<Waiter> batch = new ArrayList<>();
        int events = 0;
        Waiter next;
        while ((next = queue.peek()) != null && (batch.isEmpty() || events + next.events().size() <= properties.maxBatch())) {
            Waiter taken = queue.poll(); // only the drainer polls; a waiter that gave up may have left meanwhile
            if (taken == null) {
                break;
            }
            batch.add(taken);
            events += taken.events().size();
        }
        return batch;
    }

    private void commit(List<Waiter> batch) {
        List<Pending> events = batch.stream().flatMap(waiter -> waiter.events().stream()).toList();
        Commit commit = events.size() >= properties.deferFrom() ? Commit.DEFERRED : Commit.DURABLE;
        List<UsageOutcome> outcomes;
        try {
            outcomes = charges.charge(events, commit);
        }
        catch (Throwable e) {
            batch.forEach(waiter -> waiter.outcome().completeExceptionally(e));
            batch.forEach(waiter -> LockSupport.unpark(waiter.thread()));
            return;
        }
        List<Flusher.Answer> answers = new ArrayList<>(batch.size());
        int from = 0;
        for (Waiter waiter : batch) {
            int to = from + waiter.events().size();
            answers.add(new Flusher.Answer(waiter.outcome(), List.copyOf(outcomes.subList(from, to)), waiter.thread()));
            from = to;
        }
        if (commit == Commit.DURABLE) {
            answers.forEach(Flusher.Answer::give);
        }
        else {
            flusher.answerAfterFlush(answers);
        }
    }
}
