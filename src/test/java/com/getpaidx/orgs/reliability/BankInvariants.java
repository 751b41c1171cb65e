package com.getpaidx.orgs.reliability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The bank run's invariants, read from the service's database in one repeatable-read snapshot (checkpoints run
 * while the load goes on): per org Σ ledger = balance ≥ 0; every acknowledged event charged exactly once and
 * every refused one never; no member's month past the larger cap; every paid top-up granted once and its
 * refunds reversed at most once; no more active seats than paid capacity. Each broken one is a line.
 */
final class BankInvariants {

    record Report(List<String> violations, long lost) {
    }

    private BankInvariants() {
    }

    static Report check(Connection db, Collection<UUID> orgs, BankBook book, boolean complete) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        List<String> violations = new ArrayList<>();
        try {
            Array ids = db.createArrayOf("uuid", orgs.toArray());
            rows(db, ids, violations, "ledger", """
                    SELECT w.org_id || ' balance ' || w.balance || ' ≠ Σ entries ' || coalesce(sum(e.amount), 0)
                      FROM wallet w LEFT JOIN wallet_entry e ON e.org_id = w.org_id
                     WHERE w.org_id = ANY (?) GROUP BY w.org_id, w.balance
                    HAVING w.balance <> coalesce(sum(e.amount), 0) OR w.balance < 0""");
            rows(db, ids, violations, "negative", """
                    SELECT org_id || ' entry ' || idempotency_key || ' left ' || balance_after FROM wallet_entry
                     WHERE org_id = ANY (?) AND balance_after < 0""");
            rows(db, ids, violations, "charged twice", """
                    SELECT event_id || ' charged ' || count(*) || ' times' FROM usage_event
                     WHERE org_id = ANY (?) GROUP BY event_id HAVING count(*) > 1""");
            rows(db, db.createArrayOf("uuid", book.cappedOrgs.stream().map(UUID::fromString).toArray()), violations, "cap", """
                    SELECT org_id || ' member ' || payer_user_id || ' spent ' || sum(credits) || ' in '
                           || date_trunc('month', recorded_at AT TIME ZONE 'UTC') FROM usage_event
                     WHERE org_id = ANY (?) GROUP BY org_id, payer_user_id, date_trunc('month', recorded_at AT TIME ZONE 'UTC')
                    HAVING sum(credits) > %d""".formatted(maxCapMicros()));
            rows(db, ids, violations, "top-up", """
                    SELECT t.id || ' ' || t.status || ' granted ' || count(e.*) FILTER (WHERE e.type = 'topup') || ' times'
                      FROM top_up t LEFT JOIN wallet_entry e ON e.org_id = t.org_id AND e.reference = 'topup:' || t.id
                     WHERE t.org_id = ANY (?) GROUP BY t.id, t.status
                    HAVING count(e.*) FILTER (WHERE e.type = 'topup') <> CASE WHEN t.status IN ('paid', 'refunded') THEN 1 ELSE 0 END""");
            rows(db, ids, violations, "refund", """
                    SELECT t.id || ' reversed ' || coalesce(-sum(e.amount) FILTER (WHERE e.type = 'refund_reversal'), 0)
                           || ' of ' || t.credits || ', recorded ' || t.credits_reversed
                      FROM top_up t LEFT JOIN wallet_entry e ON e.org_id = t.org_id AND e.reference = 'topup:' || t.id
                     WHERE t.org_id = ANY (?) GROUP BY t.id, t.credits, t.credits_reversed, t.credits_unrecovered
                    HAVING coalesce(-sum(e.amount) FILTER (WHERE e.type = 'refund_reversal'), 0) <> t.credits_reversed
                        OR t.credits_reversed + t.credits_unrecovered > t.credits""");
            rows(db, ids, violations, "seats", """
                    SELECT s.org_id || ' has ' || count(a.*) || ' active seats of ' || s.quantity || ' ' || s.status
                      FROM seat_subscription s LEFT JOIN seat_assignment a ON a.org_id = s.org_id AND a.status = 'active'
                     WHERE s.org_id = ANY (?) GROUP BY s.org_id, s.quantity, s.status
                    HAVING count(a.*) > CASE WHEN s.status IN ('active', 'trialing', 'past_due') THEN coalesce(s.quantity, 0) ELSE 0 END""");
            long lost = 0;
            if (complete) {
                lost = missing(db, book.acked.keySet(), violations);
                charged(db, book.refused, violations);
            }
            db.commit();
            return new Report(violations, lost);
        }
        finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }

    static long maxCapMicros() {
        return BankOrg.CAPS.stream().mapToLong(cap -> Long.parseLong(cap) * 1_000_000).max().orElseThrow();
    }

    private static void rows(Connection db, Array orgs, List<String> violations, String rule, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, orgs);
            try (ResultSet found = query.executeQuery()) {
                while (found.next() && violations.size() < 100) {
                    violations.add(rule + ": " + found.getString(1));
                }
            }
        }
    }

    /** Acknowledged events with no usage row: lost. */
    private static long missing(Connection db, Collection<String> acked, List<String> violations) throws SQLException {
        long lost = 0;
        try (PreparedStatement query = db.prepareStatement("""
                SELECT id FROM unnest(?::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM usage_event u WHERE u.event_id = a.id)""")) {
            for (List<String> chunk : chunks(acked)) {
                query.setArray(1, db.createArrayOf("text", chunk.toArray()));
                try (ResultSet found = query.executeQuery()) {
                    while (found.next()) {
                        lost++;
                        if (violations.size() < 100) {
                            violations.add("lost: acknowledged " + found.getString(1) + " is not charged");
                        }
                    }
                }
            }
        }
        return lost;
    }

    /** Refused events that were charged after all. */
    private static void charged(Connection db, Collection<String> refused, List<String> violations) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT event_id FROM usage_event WHERE event_id = ANY (?::text[])")) {
            for (List<String> chunk : chunks(refused)) {
                query.setArray(1, db.createArrayOf("text", chunk.toArray()));
                try (ResultSet found = query.executeQuery()) {
                    while (found.next()) {
                        violations.add("charged: refused " + found.getString(1) + " is in the ledger");
                    }
                }
            }
        }
    }

    private static List<List<String>> chunks(Collection<String> all) {
        List<String> list = new ArrayList<>(all);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += 100_000) {
            chunks.add(list.subList(i, Math.min(list.size(), i + 100_000)));
        }
        return chunks;
    }
}
