package com.getpaidx.orgs.usage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageOutcome;

/**
 * Answers the lane's deferred batches once they are on disk, on a thread of its own, so the lane never
 * waits for the disk: each {@link BatchCharger#flush() flush} covers every batch committed before it
 * began (PostgreSQL flushes its WAL in order), and the next one starts as soon as it returns if more
 * batches came meanwhile. A flush that fails leaves its batches' callers an unknown outcome.
 */
final class Flusher {

    private static final Logger log = LoggerFactory.getLogger(Flusher.class);

    /** A caller's outcomes, held back until their commit is on disk. */
    record Answer(CompletableFuture<List<UsageOutcome>> outcome, List<UsageOutcome> outcomes, Thread caller) {
    }

    private final BatchCharger charges;
    private final Object lock = new Object();
    private List<Answer> pending = new ArrayList<>();
    private Thread thread;

    Flusher(BatchCharger charges) {
        this.charges = charges;
    }

    /** Committed, not yet known to be on disk: answered after the next flush that begins from now. */
    void answerAfterFlush(List<Answer> answers) {
        synchronized (lock) {
            pending.addAll(answers);
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("usage-flusher").start(this::run);
            }
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            List<Answer> covered;
            synchronized (lock) {
                while (pending.isEmpty()) {
                    try {
                        lock.wait();
                    }
                    catch (InterruptedException e) {
                        // the flusher outlives interrupts: callers wait for it
                    }
                }
                covered = pending;
                pending = new ArrayList<>();
            }
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
                    answer.outcome().complete(answer.outcomes());
                }
                else {
                    answer.outcome().completeExceptionally(new OutcomeUnknown());
                }
                LockSupport.unpark(answer.caller());
            }
        }
    }
}
