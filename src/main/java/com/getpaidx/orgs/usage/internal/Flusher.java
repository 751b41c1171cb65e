package com.getpaidx.orgs.usage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageOutcome;

/**
 * Answers the lane's deferred batches (those of at least {@code defer-from} events) once they are on disk,
 * on a thread of its own, so the lane does not wait for the disk for them: each
 * {@link BatchCharger#flush() flush} covers every batch committed before it began (PostgreSQL flushes its
 * WAL in order). A flush starts once the oldest batch waiting for one is {@code linger} old: the batches
 * the lane commits meanwhile (callers just answered by the last flush come back together) share it,
 * instead of waiting for the whole flush after it. A flush that fails leaves its batches' callers an
 * unknown outcome.
 */
final class Flusher {

    private static final Logger log = LoggerFactory.getLogger(Flusher.class);

    /** A caller's outcomes, held back until their commit is on disk. */
    record Answer(CompletableFuture<List<UsageOutcome>> outcome, List<UsageOutcome> outcomes, Thread caller) {

        /** Their commit is on disk: the caller has its outcomes. */
        void give() {
            outcome.complete(outcomes);
            LockSupport.unpark(caller);
        }
    }

    private final BatchCharger charges;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private List<Answer> pending = new ArrayList<>();
    private long oldestPending;
    private Thread thread;

    Flusher(BatchCharger charges, Duration linger) {
        this.charges = charges;
        this.lingerNanos = linger.toNanos();
    }

    /** Committed, not yet known to be on disk: answered after the next flush that begins from now. */
    void answerAfterFlush(List<Answer> answers) {
        lock.lock();
        try {
            if (pending.isEmpty()) {
                oldestPending = System.nanoTime();
            }
            pending.addAll(answers);
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("usage-flusher").start(this::run);
            }
            changed.signal();
        }
        finally {
            lock.unlock();
        }
    }

    /** Answers waiting for a flush that has not begun yet. */
    int awaitingFlush() {
        lock.lock();
        try {
            return pending.size();
        }
        finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<Answer> covered = next();
            boolean flushed = false;
            try {
                charges.flush();
                flushed = true;
            }
            catch (Throwable e) {
                log.error("Flushing {} committed usage charges failed: their callers are told the outcome is unknown", covered.size(), e);
            }
            for (Answer answer : covered) {
                if (flushed) {
                    answer.give();
                }
                else {
                    answer.outcome().completeExceptionally(new OutcomeUnknown());
                    LockSupport.unpark(answer.caller());
                }
            }
        }
    }

    /** Waits for answers, and for the oldest of them to be {@code linger} old; takes them all. */
    private List<Answer> next() {
        lock.lock();
        try {
            while (true) {
                long wait = pending.isEmpty() ? Long.MAX_VALUE : oldestPending + lingerNanos - System.nanoTime();
                if (wait <= 0) {
                    List<Answer> covered = pending;
                    pending = new ArrayList<>();
                    return covered;
                }
                try {
                    if (pending.isEmpty()) {
                        changed.await();
                    }
                    else {
                        changed.awaitNanos(wait);
                    }
                }
                catch (InterruptedException e) {
                    // the flusher outlives interrupts: callers wait for it
                }
            }
        }
        finally {
            lock.unlock();
        }
    }
}
