import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the statements the service sends, from pg_stat_statements (loaded through the embedded
 * database's settings map, created here as an extension): a snapshot of calls per statement, and of
 * the database's committed transactions, before and after a round. Batches are calls of
 * usage_charge(...). pg_stat_statements counts pgjdbc's BEGIN (sent one-shot) but misses most of its
 * COMMITs (8 counted for 88 BEGINs in a quick run; probably as pgjdbc reuses COMMIT as a
 * server-prepared statement after a few uses), so a transaction's end is counted as one statement per BEGIN, and commits are read
 * from pg_stat_database.xact_commit (the caller waits for the backends to flush it). The polls of
 * the service's scheduled jobs (sandbox events, payment inbox, mail outbox) are not part of any
 * batch: they are shown, not counted.
 */
final class RoundTrips {

    /** The statements the scheduled jobs poll with, whatever the load. */
    static final List<String> BACKGROUND_POLLS = List.of("FROM sandbox_event WHERE delivered_at IS NULL",
            "FROM payment_event WHERE processed_at IS NULL", "UPDATE mail_outbox SET attempts = attempts + 1",
            "DELETE FROM usage_low_balance");

    record Snapshot(Map<String, Long> calls, long commits) {
    }

    /** What happened between two snapshots. */
    record Window(long statements, long batches, long begins, long commits, long polls, Map<String, Long> byStatement) {

        /** The lane's flushes: durable commits that answer the batches committed before them. */
        long flushes() {
            return byStatement.entrySet().stream().filter(e -> e.getKey().contains("pg_logical_emit_message("))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        double perBatch() {
            return batches == 0 ? Double.NaN : (double) statements / batches;
        }

        String describe() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "%,d statements (%,d BEGIN, as many ends; %,d background polls not counted), %,d usage_charge calls, "
                            + "%,d commits: %.2f statements per batch", statements, begins, polls, batches, commits, perBatch()));
            byStatement.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(e -> s.append(String.format(Locale.ROOT, "%n      %,10d  %s", e.getValue(), abbreviated(e.getKey()))));
            return s.toString();
        }
    }

    private RoundTrips() {
    }

    /** Creates the extension; fails when the service was not started with it preloaded. */
    static void enable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_statements")) {
                rs.next();
            }
        }
    }

    static Snapshot snapshot(Connection c) throws SQLException {
        Map<String, Long> calls = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.query, sum(s.calls)::bigint FROM pg_stat_statements s
                 WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                 GROUP BY s.query""")) {
            while (rs.next()) {
                calls.merge(oneLine(rs.getString(1)), rs.getLong(2), Long::sum);
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return new Snapshot(calls, rs.getLong(1));
        }
    }

    static Window between(Snapshot before, Snapshot after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.calls().forEach((query, calls) -> {
            long d = calls - before.calls().getOrDefault(query, 0L);
            if (d > 0 && !query.contains("pg_stat_statements") && !query.contains("pg_database") && !query.contains("pg_stat_database")) {
                delta.put(query, d);
            }
        });
        long begins = sum(delta, "BEGIN");
        long polls = delta.entrySet().stream().filter(e -> isPoll(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        long statements = delta.entrySet().stream().filter(e -> !isEnd(e.getKey()) && !isPoll(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum() + begins;
        long batches = delta.entrySet().stream().filter(e -> e.getKey().contains("usage_charge("))
                .mapToLong(Map.Entry::getValue).sum();
        return new Window(statements, batches, begins, after.commits() - before.commits(), polls, delta);
    }

    private static boolean isPoll(String query) {
        return BACKGROUND_POLLS.stream().anyMatch(query::contains);
    }

    private static boolean isEnd(String query) {
        return query.equalsIgnoreCase("COMMIT") || query.equalsIgnoreCase("ROLLBACK");
    }

    private static long sum(Map<String, Long> delta, String query) {
        return delta.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(query)).mapToLong(Map.Entry::getValue).sum();
    }

    private static String oneLine(String query) {
        return query.replaceAll("\\s+", " ").trim();
    }

    private static String abbreviated(String query) {
        return query.length() > 110 ? query.substring(0, 110) + "…" : query;
    }
}
