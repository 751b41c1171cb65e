import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After each phase: every acknowledged charge is in the ledger. For the phase's orgs it compares the
 * events wrk saw acknowledged (201, or "accepted" in a batch answer) with the usage entries of their
 * wallets: acknowledged ≤ entries ≤ acknowledged + in doubt (requests cut off when wrk stopped or
 * answered with an error, which may have been charged). Also: usage rows = usage entries, each
 * entry is −0.001, and Σ entries = Σ balances = funded − charged. A failure ends the run (exit 1).
 */
final class LedgerCheck {

    /** What wrk saw for one set of wallets across all the runs against it. */
    static final class Tally {
        long acked;
        long inDoubt;

        void add(Round round) {
            acked += round.acked();
            inDoubt += round.inDoubt();
        }
    }

    private LedgerCheck() {
    }

    static void verify(Connection c, String phase, Setup.Wallets wallets, Tally tally) throws SQLException {
        long entries;
        long usageSum;
        long entrySum;
        long balances;
        long usageRows;
        try (PreparedStatement query = c.prepareStatement("""
                WITH ids AS (SELECT unnest(?::uuid[]) AS org_id)
                SELECT (SELECT count(*) FROM wallet_entry e JOIN ids USING (org_id) WHERE e.type = 'usage'),
                       (SELECT COALESCE(sum(e.amount), 0) FROM wallet_entry e JOIN ids USING (org_id) WHERE e.type = 'usage'),
                       (SELECT COALESCE(sum(e.amount), 0) FROM wallet_entry e JOIN ids USING (org_id)),
                       (SELECT COALESCE(sum(w.balance), 0) FROM wallet w JOIN ids USING (org_id)),
                       (SELECT count(*) FROM usage_event u JOIN ids USING (org_id))""")) {
            Array ids = c.createArrayOf("uuid", wallets.orgs().toArray());
            query.setArray(1, ids);
            query.setQueryTimeout(120);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                entries = rs.getLong(1);
                usageSum = rs.getLong(2);
                entrySum = rs.getLong(3);
                balances = rs.getLong(4);
                usageRows = rs.getLong(5);
            }
        }
        long funded = wallets.fundedMicros() * wallets.orgs().size();
        List<String> problems = new ArrayList<>();
        if (entries < tally.acked) {
            problems.add(String.format(Locale.ROOT, "%,d acknowledged charges but only %,d usage entries: %,d acknowledged charges are NOT in the ledger",
                    tally.acked, entries, tally.acked - entries));
        }
        if (entries > tally.acked + tally.inDoubt) {
            problems.add(String.format(Locale.ROOT, "%,d usage entries, more than %,d acknowledged + %,d in doubt",
                    entries, tally.acked, tally.inDoubt));
        }
        if (usageRows != entries) {
            problems.add(String.format(Locale.ROOT, "%,d usage rows but %,d usage entries", usageRows, entries));
        }
        if (usageSum != -entries * Setup.EVENT_MICROS) {
            problems.add(String.format(Locale.ROOT, "usage entries sum to %,d micro-credits, not %,d × −%d", usageSum, entries,
                    Setup.EVENT_MICROS));
        }
        if (entrySum != balances || balances != funded + usageSum) {
            problems.add(String.format(Locale.ROOT, "Σ entries %,d, Σ balances %,d, funded %,d + usage %,d", entrySum, balances,
                    funded, usageSum));
        }
        if (!problems.isEmpty()) {
            System.out.println("LEDGER CHECK FAILED after " + phase + " (" + wallets.orgs().size() + " wallets):");
            problems.forEach(p -> System.out.println("  " + p));
            System.out.flush();
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "   ledger %s: %,d acknowledged, %,d usage entries (%,d in doubt: cut off or errors), "
                + "usage rows = entries, Σ entries = Σ balances = funded − charged: ok%n",
                phase, tally.acked, entries, tally.inDoubt);
    }
}
