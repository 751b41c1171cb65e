package com.getpaidx.orgs.usage.internal;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.UsageReport;

/**
 * One call of the {@code usage_charge} function (V22, V33) per batch: the bindings, locks, rules and writes
 * of any number of events, for any number of orgs, in one round trip and one transaction (the call
 * runs in autocommit). The low-balance crossings it finds wait in {@code usage_low_balance} until
 * their alert is sent.
 */
@Repository
class JdbcChargeRepository {

    private static final HexFormat HEX = HexFormat.of();

    /** What the function answered for one event, in the batch's order. */
    record EventRow(String outcome, String refusal, OrgId org, Credits balanceAfter) {
    }

    /** An org whose balance this batch took below its alert threshold. */
    record Crossing(OrgId org, Credits threshold, Credits before, Credits after) {
    }

    record Charged(List<EventRow> events, List<Crossing> crossings) {
    }

    /** An eventId of the batch was charged meanwhile through a wallet the batch did not lock. */
    static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }

    /** One batch; a durable one also writes WAL of its own in the function (V33), so its commit always waits for the disk. */
    private static final String CHARGE = """
            SELECT event_index, outcome, refusal, charged_org, balance_after, alert_before, alert_threshold
              FROM usage_charge(:ids, :workspaces, :users, :credits, :kinds, :models, :occurred, :hashes, :now,
                                :synchronous)""";

    private final JdbcClient jdbc;

    JdbcChargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * With {@link BatchCharger.Commit#DEFERRED}, the function sets {@code synchronous_commit} off for
     * its own transaction, whose commit then does not wait for the disk.
     */
    Charged charge(List<Pending> events, Instant now, BatchCharger.Commit commit) {
        int n = events.size();
        String[] ids = new String[n];
        String[] workspaces = new String[n];
        UUID[] users = new UUID[n];
        long[] credits = new long[n];
        String[] kinds = new String[n];
        String[] models = new String[n];
        Timestamp[] occurred = new Timestamp[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            UsageReport report = events.get(i).report();
            ids[i] = report.eventId();
            workspaces[i] = report.workspaceId();
            users[i] = report.userId().value();
            credits[i] = report.credits().micros();
            kinds[i] = report.kind();
            models[i] = report.model();
            occurred[i] = Timestamp.from(report.occurredAt());
            hashes[i] = HEX.formatHex(events.get(i).fingerprint());
        }
        List<EventRow> rows = new ArrayList<>(n);
        List<Crossing> crossings = new ArrayList<>(0);
        try {
            jdbc.sql(CHARGE)
                    .param("synchronous", commit == BatchCharger.Commit.DEFERRED ? "off" : "on")
                    .param("ids", ids).param("workspaces", workspaces).param("users", users).param("credits", credits)
                    .param("kinds", kinds).param("models", models).param("occurred", occurred).param("hashes", hashes)
                    .param("now", Timestamp.from(now))
                    .query(rs -> {
                        OrgId org = rs.getObject("charged_org") == null ? null : new OrgId(rs.getObject("charged_org", UUID.class));
                        long after = rs.getLong("balance_after");
                        Credits balanceAfter = rs.wasNull() ? null : new Credits(after);
                        if (rs.getObject("event_index") == null) {
                            crossings.add(new Crossing(org, new Credits(rs.getLong("alert_threshold")),
                                    new Credits(rs.getLong("alert_before")), balanceAfter));
                        }
                        else {
                            rows.add(new EventRow(rs.getString("outcome"), rs.getString("refusal"), org, balanceAfter));
                        }
                    });
        }
        catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && "GPX01".equals(sql.getSQLState())) {
                throw new KeyTakenMeanwhile();
            }
            throw e;
        }
        return new Charged(rows, crossings);
    }

    /**
     * In autocommit: a transactional WAL message (it takes a transaction id and writes a record), so the commit
     * waits for the disk up to its own record, past every deferred commit before it. Taking an xid alone is not
     * enough: PostgreSQL commits a transaction that wrote no WAL of its own without flushing. The statement turns
     * {@code synchronous_commit} on for its own transaction, whatever the server's or the session's default.
     */
    void flush() {
        jdbc.sql("""
                SELECT pg_logical_emit_message(true, 'getpaidx.usage.flush', '')
                FROM (SELECT set_config('synchronous_commit', 'on', true)) AS durable""").query().singleValue();
    }

    /** Removes and returns the oldest crossings whose alert is still due (in the caller's transaction). */
    List<Crossing> takeDueAlerts(int limit) {
        return jdbc.sql("""
                DELETE FROM usage_low_balance
                 WHERE (org_id, id) IN (SELECT org_id, id FROM usage_low_balance
                                         ORDER BY crossed_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING org_id, threshold, balance_before, balance_after""")
                .param("limit", limit)
                .query((rs, n) -> new Crossing(new OrgId(rs.getObject("org_id", UUID.class)), new Credits(rs.getLong("threshold")),
                        new Credits(rs.getLong("balance_before")), new Credits(rs.getLong("balance_after"))))
                .list();
    }
}
