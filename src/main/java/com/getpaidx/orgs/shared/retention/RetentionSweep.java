package com.getpaidx.orgs.shared.retention;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.getpaidx.orgs.shared.GracefulWorker;

/**
 * Deletes every module's expired rows ({@link ExpiringRows}), a batch per statement until a batch comes back short
 * or {@code getpaidx.retention.max-batches} ran (the rest waits for the next sweep), on every instance (two
 * instances deleting the same rows both succeed; a row is deleted once). Counted in
 * {@code getpaidx_retention_deleted_rows_total{table}}; stops between batches at shutdown.
 */
@Component
public class RetentionSweep extends GracefulWorker {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    /** A table's expiring rows and the counter of those deleted, registered once, so that it shows 0 before any. */
    private record Table(ExpiringRows rows, Counter deleted) {
    }

    private final List<Table> tables;
    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionSweep(List<ExpiringRows> tables, JdbcClient jdbc, RetentionProperties properties, Clock clock,
            MeterRegistry meters) {
        this.tables = tables.stream().map(rows -> new Table(rows, Counter.builder("getpaidx.retention.deleted.rows")
                .tag("table", rows.table()).description("Expired rows deleted by the retention sweep").register(meters)))
                .toList();
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** One sweep over every table; the total deleted. */
    @Scheduled(fixedDelayString = "${getpaidx.retention.interval:1h}", initialDelayString = "${getpaidx.retention.interval:1h}")
    public long sweep() {
        if (!enter()) {
            return 0;
        }
        long total = 0;
        try {
            for (Table table : tables) {
                ExpiringRows rows = table.rows();
                long fromTable = 0;
                int batch;
                int batches = 0;
                do {
                    batch = rows.deleteExpired(jdbc, clock.instant(), properties.batchSize());
                    table.deleted().increment(batch);
                    fromTable += batch;
                } while (batch == properties.batchSize() && ++batches < properties.maxBatches() && open());
                if (fromTable > 0) {
                    log.info("Retention: deleted {} expired rows from {}", fromTable, rows.table());
                }
                total += fromTable;
            }
            return total;
        }
        finally {
            leave();
        }
    }
}
