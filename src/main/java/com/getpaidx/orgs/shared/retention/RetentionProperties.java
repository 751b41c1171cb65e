package com.getpaidx.orgs.shared.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sweep that deletes expired rows; how long each kind of row is kept is the owning module's setting
 * ({@code getpaidx.mail.keep-sent}, {@code getpaidx.events.keep-delivered}, {@code getpaidx.billing.keep-processed}).
 *
 * @param interval pause between two sweeps (the sweep's {@code @Scheduled} reads the property itself)
 * @param batchSize rows deleted per statement (and transaction), so that no sweep holds many row locks for long
 * @param maxBatches statements per table and sweep at most, so that a backlog (the first sweep after an upgrade)
 *        is cleared over several sweeps instead of holding the scheduler's one thread, which the mail, event and
 *        payment workers share, for minutes
 */
@ConfigurationProperties("getpaidx.retention")
public record RetentionProperties(@DefaultValue("1h") Duration interval, @DefaultValue("1000") int batchSize,
        @DefaultValue("100") int maxBatches) {

    public RetentionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("getpaidx.retention.batch-size must be at least 1");
        }
        if (maxBatches < 1) {
            throw new IllegalArgumentException("getpaidx.retention.max-batches must be at least 1");
        }
    }
}
