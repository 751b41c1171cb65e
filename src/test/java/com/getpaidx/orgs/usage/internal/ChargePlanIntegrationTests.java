package com.getpaidx.orgs.usage.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.usage.UsageReport;
import com.getpaidx.orgs.usage.UsageTraffic;
import com.getpaidx.orgs.usage.internal.BatchCharger.Commit;

import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's charge reads every table by key (V31). The tables of this suite are small, which is
 * what led the generic plan to sequential scans that it then kept as the tables grew.
 */
@IntegrationTest
class ChargePlanIntegrationTests {

    @Autowired JdbcChargeRepository repository;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired javax.sql.DataSource dataSource;

    private List<Pending> billedEvents(int n) {
        UsageTraffic.Billed billed = new UsageTraffic(api, fixtures, funding).billed("10");
        UserId member = new UserId(billed.roster().member().id());
        List<Pending> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(Pending.of(new UsageReport("plan-" + UUID.randomUUID(), billed.workspace(), member,
                    Credits.parse("0.5"), "chat", "m", Instant.parse("2026-12-01T00:00:00Z")).validated()));
        }
        return events;
    }

    @Test
    void aBatchScansNoTableWhole() {
        List<Pending> events = billedEvents(4);
        events.add(events.getFirst()); // a replay in the same batch
        events.add(GroupCommitterTests.event("plan-unknown-" + UUID.randomUUID())); // a workspace that does not exist

        Map<String, Long> scanned = transactions.execute(tx -> {
            // the connection's counts not yet flushed, earlier transactions' too: read before and after
            Map<String, Long> before = sequentialScans();
            var charged = repository.charge(events, Instant.now(), Commit.DURABLE);
            assertThat(charged.events()).extracting(JdbcChargeRepository.EventRow::outcome)
                    .containsExactly("accepted", "accepted", "accepted", "accepted", "duplicate", "rejected");
            Map<String, Long> after = sequentialScans();
            after.replaceAll((table, scans) -> scans - before.getOrDefault(table, 0L));
            after.values().removeIf(scans -> scans == 0);
            return after;
        });

        assertThat(scanned).as("tables read whole by the charge").isEmpty();
    }

    /**
     * A connection plans the charge on its first call (V30), and a fresh deployment's tables are nearly empty
     * then: the planner read this month's whole member_month_usage for every batch (found with 10,000 wallets,
     * 2 ms of a 3 ms batch) and kept doing so as the table grew. Here a fresh connection plans the charge
     * while the planner believes the tables it looks up hold one row, the month holds 500 other payers and there
     * are 500 other wallets:
     * the batch must read only its own payer's row, and no table more rows than it has events.
     */
    @Test
    void aBatchReadsOnlyItsPayersMonthRowWhateverSizesTheTablesHadWhenItWasPlanned() throws SQLException {
        List<Pending> events = billedEvents(3);
        HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
        try (Connection fresh = DriverManager.getConnection(shared.getJdbcUrl(), shared.getUsername(), shared.getPassword())) {
            fresh.setAutoCommit(false);
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(fresh, true));
            sql.sql("""
                    INSERT INTO member_month_usage (org_id, user_id, month, credits, events)
                    SELECT gen_random_uuid(), gen_random_uuid(), date_trunc('month', now() AT TIME ZONE 'UTC')::date, 1, 1
                      FROM generate_series(1, 500)""").update();
            sql.sql("INSERT INTO wallet (org_id, balance, created_at) SELECT gen_random_uuid(), 1, now() FROM generate_series(1, 500)")
                    .update();
            sql.sql("""
                    UPDATE pg_class SET reltuples = 1, relpages = 1
                     WHERE relkind = 'r' AND relname IN ('member_month_usage', 'organization', 'spend_policy', 'membership',
                                                         'usage_event_key', 'wallet', 'workspace')""").update();
            Map<String, Long> before = rowsRead(sql);

            var charged = new JdbcChargeRepository(sql).charge(events, Instant.now(), Commit.DURABLE);

            assertThat(charged.events()).extracting(JdbcChargeRepository.EventRow::outcome)
                    .containsExactly("accepted", "accepted", "accepted");
            Map<String, Long> read = rowsRead(sql);
            read.replaceAll((table, rows) -> rows - before.getOrDefault(table, 0L));
            assertThat(read.get("member_month_usage")).as("member_month_usage rows read").isLessThanOrEqualTo(1);
            assertThat(read).allSatisfy((table, rows) -> assertThat(rows).as(table + " rows read").isLessThanOrEqualTo(events.size()));
            fresh.rollback();
        }
    }

    private static Map<String, Long> rowsRead(JdbcClient sql) {
        Map<String, Long> rows = new HashMap<>();
        sql.sql("SELECT relname, seq_tup_read + COALESCE(idx_tup_fetch, 0) AS n FROM pg_stat_xact_user_tables")
                .query(rs -> {
                    rows.put(rs.getString("relname"), rs.getLong("n"));
                });
        return rows;
    }

    private Map<String, Long> sequentialScans() {
        Map<String, Long> scans = new HashMap<>();
        jdbc.sql("SELECT relname, seq_scan FROM pg_stat_xact_user_tables")
                .query(rs -> {
                    scans.put(rs.getString("relname"), rs.getLong("seq_scan"));
                });
        return scans;
    }
}
