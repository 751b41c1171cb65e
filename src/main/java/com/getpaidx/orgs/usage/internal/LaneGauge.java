package com.getpaidx.orgs.usage.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The lane's two gauges: {@code getpaidx_usage_queued}, usage requests waiting in the lane, not yet in a batch
 * (under load some always are, queued behind the batch in flight), and {@code getpaidx_usage_queue_oldest_seconds},
 * how long the first of them has waited: milliseconds while the database keeps up, seconds when the batch in
 * flight is held (a lock on {@code wallet}, a slow disk) and every charge waits.
 */
@Component
class LaneGauge {

    LaneGauge(GroupCommitter lane, MeterRegistry meters) {
        Gauge.builder("getpaidx.usage.queued", lane, GroupCommitter::queued)
                .description("Usage requests waiting for their group commit, not yet in a batch").register(meters);
        Gauge.builder("getpaidx.usage.queue.oldest", lane, GroupCommitter::oldestWaitSeconds).baseUnit("seconds")
                .description("How long the longest waiting usage request not yet in a batch has waited").register(meters);
    }
}
