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
 * One call of the {@code usage_charge} function (V14) per batch: the bindings, locks, rules and writes
 * of any number of events, for any number of orgs, in one round trip.
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

    private final JdbcClient jdbc;

    JdbcChargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Charged charge(List<Pending> events, Instant now) {
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
            jdbc.sql("""
                    SELECT event_index, outcome, refusal, charged_org, balance_after, alert_before, alert_threshold
                      FROM usage_charge(:ids, :workspaces, :users, :credits, :kinds, :models, :occurred, :hashes, :now)""")
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
}
