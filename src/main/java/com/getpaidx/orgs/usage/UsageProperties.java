package com.getpaidx.orgs.usage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param groupCommit coalesce concurrent single events for one wallet into one transaction; false
 *        charges each in its own transaction (the baseline the benchmark compares against)
 * @param maxBatch most events one group commit takes
 * @param waitTimeout longest a request waits for its group commit before answering with an error
 * @param deferFrom a batch of at least this many events commits without waiting for the disk (the lane takes the
 *        next batch at once) and is answered after a flush that covers it; a smaller batch commits durably and is
 *        answered at once (1: every batch is deferred, for storage where a durable commit takes milliseconds)
 * @param flushLinger for deferred batches (defer-from): how old the oldest one waiting for the disk gets before
 *        its flush starts: the batches committed meanwhile share that flush (0: a flush starts as soon as one
 *        is needed)
 * @param alertSweepInterval pause between two looks for low-balance alerts left unsent (after a crash
 *        between a charge and its alert); alerts are otherwise sent as soon as the charge is on disk
 */
@ConfigurationProperties("getpaidx.usage")
public record UsageProperties(
        @DefaultValue("true") boolean groupCommit,
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("30s") Duration waitTimeout,
        @DefaultValue("60s") Duration alertSweepInterval,
        @DefaultValue("0ms") Duration flushLinger,
        @DefaultValue("100") int deferFrom) {
}
