import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own limit for the batch shape, with plain JDBC and no service: 100 debits per
 * transaction on one wallet, from as many connections as wrk has, against the same PostgreSQL. The
 * tables are copies of wallet and wallet_entry (same columns, constraints and indexes); a transaction
 * is a conditional UPDATE of the wallet's balance by the sum (RETURNING it) and one 100-row INSERT of
 * ledger entries with their balance after, then COMMIT. Afterwards: entries = debits committed and
 * Σ entries = balance − funded, or the run fails.
 */
final class RawJdbc {

    private static final int PER_TRANSACTION = 100;
    private static final long FUNDED = 1_000_000_000_000_000L;

    private final Db db;
    private final UUID wallet = UUID.randomUUID();
    private final AtomicLong committed = new AtomicLong();
    private long rounds;

    RawJdbc(Db db) throws SQLException {
        this.db = db;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_entry, bench_wallet");
            s.execute("CREATE TABLE bench_wallet (LIKE wallet INCLUDING ALL)");
            s.execute("CREATE TABLE bench_entry (LIKE wallet_entry INCLUDING ALL)");
            s.execute("INSERT INTO bench_wallet (org_id, balance, created_at) VALUES ('" + wallet + "', " + FUNDED + ", now())");
        }
    }

    /** {@code connections} threads, each with its own connection, back to back for {@code seconds}. */
    Round run(int connections, int seconds) throws Exception {
        long round = ++rounds;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[connections][];
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    long[] samples = new long[1 << 16];
                    int n = 0;
                    try (Connection c = db.connect()) {
                        c.setAutoCommit(false);
                        for (long seq = 0; System.nanoTime() < end && n < samples.length; seq++) {
                            long t0 = System.nanoTime();
                            debit(c, "raw-" + round + "-" + thread + "-" + seq);
                            samples[n++] = System.nanoTime() - t0;
                        }
                    }
                    latencies[thread] = Arrays.copyOf(samples, n);
                    return n;
                }));
            }
            for (Future<Integer> worker : workers) {
                worker.get();
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long transactions = all.length;
        return new Round(transactions * PER_TRANSACTION / elapsed, percentile(all, 0.50), percentile(all, 0.99),
                transactions, transactions * PER_TRANSACTION, 0, 0, 0);
    }

    private void debit(Connection c, String key) throws SQLException {
        long amount = Setup.EVENT_MICROS;
        long balance;
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE bench_wallet SET balance = balance - ? WHERE org_id = ? AND balance >= ? RETURNING balance")) {
            update.setLong(1, amount * PER_TRANSACTION);
            update.setObject(2, wallet);
            update.setLong(3, amount * PER_TRANSACTION);
            try (ResultSet rs = update.executeQuery()) {
                if (!rs.next()) {
                    c.rollback();
                    throw new SQLException("would overdraw");
                }
                balance = rs.getLong(1);
            }
        }
        Long[] afters = new Long[PER_TRANSACTION];
        String[] keys = new String[PER_TRANSACTION];
        for (int i = 0; i < PER_TRANSACTION; i++) {
            afters[i] = balance + (PER_TRANSACTION - 1 - i) * amount;
            keys[i] = key + "-" + i;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO bench_entry (id, org_id, type, amount, balance_after, idempotency_key, reference, created_at)
                SELECT gen_random_uuid(), ?, 'usage', ?, e.after, e.key, e.key, now()
                  FROM unnest(?::bigint[], ?::text[]) AS e(after, key)""")) {
            insert.setObject(1, wallet);
            insert.setLong(2, -amount);
            insert.setArray(3, c.createArrayOf("bigint", afters));
            insert.setArray(4, c.createArrayOf("text", keys));
            if (insert.executeUpdate() != PER_TRANSACTION) {
                c.rollback();
                throw new SQLException("entries not written");
            }
        }
        c.commit();
        committed.addAndGet(PER_TRANSACTION);
    }

    /** Entries = debits committed, Σ entries = balance − funded; exits 1 otherwise. */
    void verify() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT balance FROM bench_wallet), "
                     + "(SELECT COALESCE(sum(amount), 0) FROM bench_entry), (SELECT count(*) FROM bench_entry)")) {
            rs.next();
            long balance = rs.getLong(1);
            long sum = rs.getLong(2);
            long entries = rs.getLong(3);
            if (entries != committed.get() || balance != FUNDED + sum) {
                System.out.printf(Locale.ROOT, "LEDGER CHECK FAILED after raw_batch: %,d entries for %,d debits committed; "
                        + "balance %,d, funded + Σ entries %,d%n", entries, committed.get(), balance, FUNDED + sum);
                System.out.flush();
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "   ledger raw_batch: %,d debits committed = entries, Σ entries = balance − funded: ok%n",
                    entries);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
