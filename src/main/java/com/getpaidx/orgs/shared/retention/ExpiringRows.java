package com.getpaidx.orgs.shared.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows a module keeps only for a while (sent mail, delivered events, processed payment events, stale sign-in
 * attempts), declared by the module as a bean; {@link RetentionSweep} deletes them oldest first, a batch at a time.
 * A row expires once its {@code age} column (or expression) is older than {@code keep}; a row still in use (unsent,
 * pending, dead) has no {@code age} (NULL). The names come from code, never from input.
 *
 * @param table the table, as the log and the meter name it
 * @param key the row's key columns, comma-separated
 * @param age when the row stopped being in use (a column or expression, indexed for this sweep: V36)
 * @param keep how long after {@code age} the row is kept
 */
public record ExpiringRows(String table, String key, String age, Duration keep) {

    public ExpiringRows {
        Objects.requireNonNull(table);
        Objects.requireNonNull(key);
        Objects.requireNonNull(age);
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("rows of " + table + " must be kept for a positive time, not " + keep);
        }
    }

    /**
     * Deletes at most {@code batch} expired rows in one statement and says how many. The outer condition repeats
     * the inner one, so a row a concurrent transaction has just changed is deleted only if it is still expired.
     */
    int deleteExpired(JdbcClient jdbc, Instant now, int batch) {
        return jdbc.sql("DELETE FROM %1$s WHERE %3$s < :cutoff AND (%2$s) IN (SELECT %2$s FROM %1$s WHERE %3$s < :cutoff ORDER BY %3$s LIMIT :batch)"
                        .formatted(table, key, age))
                .param("cutoff", Timestamp.from(now.minus(keep))).param("batch", batch).update();
    }
}
