package com.getpaidx.orgs.usage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private static final long POLL_MICROS = 500;

    private final OrgCharges charges;
    private final UsageProperties properties;
    private final ConcurrentHashMap<OrgId, Lane> lanes = new ConcurrentHashMap<>();

    GroupCommitter(OrgCharges charges, UsageProperties properties) {
        this.charges = charges;
        this.properties = properties;
    }

    private record Waiter(Pending event, CompletableFuture<UsageOutcome> outcome) {
    }

    /** Charges one event with whatever else is queued for its org; blocks until committed. */
    public UsageOutcome charge(OrgId org, Pending event) {
        Waiter waiter = new Waiter(event, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(org, Lane::new);
        lane.queue.add(waiter);
        long deadline = System.nanoTime() + properties.waitTimeout().toNanos();
        while (true) {
            lane.drainUntilDone(waiter);
            try {
                // the drainer hands the lane on once its own charge is answered; a waiter takes it up
                return waiter.outcome().get(POLL_MICROS, TimeUnit.MICROSECONDS);
            }
            catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No group commit answered usage event " + event.report().eventId());
                }
            }
            catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
        }
    }
}
