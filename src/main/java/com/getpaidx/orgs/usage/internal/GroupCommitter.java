package com.getpaidx.orgs.usage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageProperties;

/**
 * Group commit for a hot wallet. Requests for one org queue in its lane; whichever request finds the
 * lane idle drains it, taking whatever queued meanwhile (up to the batch limit) into one transaction,
 * with no added wait. Every request is answered only after the commit that holds its charge. The queue
 * is only an optimisation: the wallet row lock and the unique keys are the truth, so instances on other
 * machines, or a restart, lose nothing.
 */
@Component
public class GroupCommitter {

    /** A waiter is woken when answered or handed the lane; this only bounds a missed wake-up. */
    private static final long PARK_NANOS = 10_000_000;

    private final OrgCharges charges;
    private final UsageProperties properties;
    private final ConcurrentHashMap<OrgId, Lane> lanes = new ConcurrentHashMap<>();

    GroupCommitter(OrgCharges charges, UsageProperties properties) {
        this.charges = charges;
        this.properties = properties;
    }

    private record Waiter(Pending event, CompletableFuture<UsageOutcome> outcome, Thread thread) {
    }

    /** Charges one event with whatever else is queued for its org; blocks until committed. */
    public UsageOutcome charge(OrgId org, Pending event) {
        Waiter waiter = new Waiter(event, new CompletableFuture<>(), Thread.currentThread());
        Lane lane = lanes.computeIfAbsent(org, Lane::new);
        lane.queue.add(waiter);
        long deadline = System.nanoTime() + properties.waitTimeout().toNanos();
        while (true) {
            lane.drainUntilDone(waiter);
            if (waiter.outcome().isDone()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No group commit answered usage event " + event.report().eventId());
            }
            // parked, not polling: a timed get() per waiter every few hundred microseconds costs a
            // wake-up and a TimeoutException each, which on a small machine starves the drainer
            LockSupport.parkNanos(this, PARK_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for usage event " + event.report().eventId());
            }
        }
        try {
            return waiter.outcome().join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private final class Lane {

        private final OrgId org;
        private final ConcurrentLinkedQueue<Waiter> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        Lane(OrgId org) {
            this.org = org;
        }

        /** Drains batches while the lane is ours and {@code mine} is unanswered. */
        void drainUntilDone(Waiter mine) {
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

        private List<Waiter> take() {
            List<Waiter> batch = new ArrayList<>();
            Waiter next;
            while (batch.size() < properties.maxBatch() && (next = queue.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }

        private void commit(List<Waiter> batch) {
            try {
                List<UsageOutcome> outcomes = charges.charge(org, batch.stream().map(Waiter::event).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome().complete(outcomes.get(i));
                }
            }
            catch (Throwable e) {
                batch.forEach(waiter -> waiter.outcome().completeExceptionally(e));
            }
            batch.forEach(waiter -> LockSupport.unpark(waiter.thread()));
        }
    }
}
