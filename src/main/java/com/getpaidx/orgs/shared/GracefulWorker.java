package com.getpaidx.orgs.shared;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * A background worker (the mail outbox sender, the payment inbox retrier) that stops between rows at
 * shutdown: once stopped it starts no new run and tells a running one, through {@link #open()}, to leave
 * after its current row; {@link #stop()} waits for it. Its phase comes after the web server's, so
 * requests in flight finish first, and before the database goes: beans are destroyed only after every
 * lifecycle stopped.
 */
public abstract class GracefulWorker implements SmartLifecycle {

    /** After the web server stopped (a lower phase stops later). */
    public static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;
    private static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private boolean running;
    private boolean stopping;
    private int active;

    /** A run may begin: false once stopping. A run that began must {@link #leave()}. */
    protected final synchronized boolean enter() {
        if (stopping) {
            return false;
        }
        active++;
        return true;
    }

    protected final synchronized void leave() {
        active--;
        notifyAll();
    }

    /** Whether a run may take its next row. */
    protected final synchronized boolean open() {
        return !stopping;
    }

    @Override
    public synchronized void start() {
        stopping = false;
        running = true;
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        long deadline = System.nanoTime() + STOP_WAIT_NANOS;
        try {
            while (active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
