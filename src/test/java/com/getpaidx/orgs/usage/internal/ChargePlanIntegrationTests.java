package com.getpaidx.orgs.usage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Test
    void aBatchScansNoTableWhole() {
        UsageTraffic.Billed billed = new UsageTraffic(api, fixtures, funding).billed("10");
        UserId member = new UserId(billed.roster().member().id());
        List<Pending> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(Pending.of(new UsageReport("plan-" + UUID.randomUUID(), billed.workspace(), member,
                    Credits.parse("0.5"), "chat", "m", Instant.parse("2026-12-01T00:00:00Z")).validated()));
        }
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

    private Map<String, Long> sequentialScans() {
        Map<String, Long> scans = new HashMap<>();
        jdbc.sql("SELECT relname, seq_scan FROM pg_stat_xact_user_tables")
                .query(rs -> {
                    scans.put(rs.getString("relname"), rs.getLong("seq_scan"));
                });
        return scans;
    }
}
