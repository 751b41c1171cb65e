package com.getpaidx.orgs.usage.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code getpaidx_usage_queued}: usage requests waiting in the lane, not yet in a batch. Near zero while the
 * database keeps up; a count that stays up means every charge waits (a held {@code wallet} lock, a slow disk).
 */
@Component
class LaneGauge {

    LaneGauge(GroupCommitter lane, MeterRegistry meters) {
        Gauge.builder("getpaidx.usage.queued", lane, GroupCommitter::queued)
                .description("Usage requests waiting for their group commit, not yet in a batch").register(meters);
    }
}
