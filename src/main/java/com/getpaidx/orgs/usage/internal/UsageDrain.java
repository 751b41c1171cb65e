package com.getpaidx.orgs.usage.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.shared.ShutdownProperties;
import com.getpaidx.orgs.usage.ShuttingDown;
import com.getpaidx.orgs.usage.UsageProperties;

/**
 * The first step of a shutdown, once readiness says refusing: new usage events are answered 503
 * {@code shutting_down} for the refusal period while the web server still takes connections, and the
 * group-commit lane empties (requests in it drive it to their answers). Then the web server's graceful
 * shutdown waits for every request still in flight. Its phase is above the web server's, so it stops first.
 */
@Component
public class UsageDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageDrain.class);

    private final GroupCommitter lane;
    private final ShutdownProperties shutdown;
    private final UsageProperties usage;
    private volatile boolean refusing;
    private volatile boolean running;

    UsageDrain(GroupCommitter lane, ShutdownProperties shutdown, UsageProperties usage) {
        this.lane = lane;
        this.shutdown = shutdown;
        this.usage = usage;
    }

    /** Lets {@code events} in, or refuses them (counted) while the service shuts down. */
    public void admit(UsageMetrics metrics, int events) {
        if (refusing) {
            metrics.refused("shutting_down", events);
            throw new ShuttingDown();
        }
    }

    @Override
    public void start() {
        refusing = false;
        running = true;
    }

    @Override
    public void stop() {
        refusing = true;
        log.info("Shutting down: new usage events are refused for {}, then the web server drains", shutdown.refusalPeriod());
        long deadline = System.nanoTime() + Math.max(shutdown.refusalPeriod().toNanos(), usage.waitTimeout().toNanos());
        long refuseUntil = System.nanoTime() + shutdown.refusalPeriod().toNanos();
        while (System.nanoTime() - refuseUntil < 0 || (lane.queued() > 0 && System.nanoTime() - deadline < 0)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Above the web server's graceful shutdown: stops before it. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 512;
    }
}
