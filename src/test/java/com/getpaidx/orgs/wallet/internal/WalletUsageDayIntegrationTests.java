package com.getpaidx.orgs.wallet.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TransactionReads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet's usage spent since a moment (month-to-date, runway) comes from the day totals that
 * {@code wallet_append_usage} keeps, plus the entries of a part-day: it must equal the sum of the usage entries
 * for every moment, on both sides of midnight, and count no other org's usage and no top-up or adjustment.
 */
@IntegrationTest
class WalletUsageDayIntegrationTests {

    @Autowired Api api;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcLedgerRepository ledger;
    @Autowired TransactionTemplate transactions;

    private final Instant midnight = LocalDate.now(ZoneOffset.UTC).minusDays(9).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void usageSinceAnyMomentIsTheSumOfTheUsageEntriesSinceThen() {
        UUID org = fundedOrg();
        UUID stranger = fundedOrg();
        List<Instant> charges = List.of(midnight.minusMillis(1), midnight, midnight.plus(Duration.ofHours(12)),
                midnight.plus(Duration.ofDays(1)).minusNanos(1000), midnight.plus(Duration.ofDays(3).plusHours(6)),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        long micros = 1_000_000;
        for (Instant at : charges) {
            append(org, micros, at);
            append(stranger, 7_000_000, at);
            micros += 1_000_000;
        }

        for (Instant since : List.of(midnight.minus(Duration.ofDays(2)), midnight.minusMillis(1), midnight,
                midnight.plusNanos(1000), midnight.plus(Duration.ofHours(12)), midnight.plus(Duration.ofHours(13)),
                midnight.plus(Duration.ofDays(1)), midnight.plus(Duration.ofDays(1)).minusNanos(1000),
                midnight.plus(Duration.ofDays(3)), Instant.now().minus(Duration.ofDays(7)), Instant.now().plusSeconds(1))) {
            assertThat(ledger.usageSince(new OrgId(org), since)).as("since %s", since).isEqualTo(entriesSince(org, since));
        }
        assertThat(ledger.usageSince(new OrgId(org), midnight)).isEqualTo(2_000_000 + 3_000_000 + 4_000_000 + 5_000_000 + 6_000_000);
        assertThat(days(org)).isEqualTo(jdbc.sql("""
                SELECT day || '=' || spent FROM (SELECT (created_at AT TIME ZONE 'UTC')::date AS day, -sum(amount) AS spent
                                                   FROM wallet_entry WHERE org_id = :org AND type = 'usage' GROUP BY 1) AS d
                 ORDER BY day""").param("org", org).query(String.class).list());
    }

    @Test
    void sinceAMidnightReadsNoUsageEntry() {
        UUID org = fundedOrg();
        for (int i = 0; i < 50; i++) {
            append(org, 1_000, midnight.plus(Duration.ofMinutes(17L * i)));
        }
        long[] read = transactions.execute(tx -> {
            long entriesBefore = TransactionReads.rows(jdbc, "wallet_entry");
            long spent = ledger.usageSince(new OrgId(org), midnight);
            return new long[] { spent, TransactionReads.rows(jdbc, "wallet_entry") - entriesBefore };
        });
        assertThat(read[0]).isEqualTo(50_000);
        assertThat(read[1]).as("usage entries read").isZero();
    }

    private UUID fundedOrg() {
        Api.User owner = api.newUser("usage-day");
        UUID org = api.newOrg(owner);
        funding.fund(org, owner, Credits.ofWhole(1000));
        return org;
    }

    /** One usage debit at {@code at}, as the usage batch writes it. */
    private void append(UUID org, long micros, Instant at) {
        long after = ledger.balance(new OrgId(org)) - micros;
        jdbc.sql("SELECT wallet_append_usage(ARRAY[CAST(:org AS uuid)], ARRAY[CAST(:amount AS bigint)], "
                        + "ARRAY[CAST(:after AS bigint)], ARRAY[CAST(:key AS text)], :at)")
                .param("org", org).param("amount", -micros).param("after", after)
                .param("key", "usage:test-" + UUID.randomUUID()).param("at", Timestamp.from(at))
                .query((rs, n) -> 1).list();
    }

    private long entriesSince(UUID org, Instant since) {
        return jdbc.sql("""
                SELECT COALESCE(-sum(amount), 0) FROM wallet_entry WHERE org_id = :org AND type = 'usage' AND created_at >= :since""")
                .param("org", org).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    private List<String> days(UUID org) {
        return jdbc.sql("SELECT day || '=' || credits FROM wallet_usage_day WHERE org_id = :org ORDER BY day")
                .param("org", org).query(String.class).list();
    }
}
