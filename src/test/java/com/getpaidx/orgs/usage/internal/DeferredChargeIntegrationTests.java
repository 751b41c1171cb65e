package com.getpaidx.orgs.usage.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestMailServer;
import com.getpaidx.orgs.usage.internal.BatchCharger.Commit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the lane relies on from the database: a deferred charge's transaction commits without waiting
 * for the disk, a durable one waits, and a low-balance crossing that a crash left unsent goes out on
 * the sweep, once; and the charge is planned once per connection.
 */
@IntegrationTest
class DeferredChargeIntegrationTests {

    @Autowired JdbcChargeRepository repository;
    @Autowired DueAlerts alerts;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;
    @Autowired TestMailServer mail;

    private String synchronousCommitAfter(Commit commit) {
        Pending unknownWorkspace = GroupCommitterTests.event("deferred-" + UUID.randomUUID());
        return transactions.execute(tx -> {
            var charged = repository.charge(List.of(unknownWorkspace), Instant.now(), commit);
            assertThat(charged.events().getFirst().refusal()).isEqualTo("workspace_not_found");
            return jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
        });
    }

    @Test
    void aDeferredChargeCommitsWithoutWaitingForTheDiskAndADurableOneWaits() {
        assertThat(synchronousCommitAfter(Commit.DEFERRED)).isEqualTo("off");
        assertThat(synchronousCommitAfter(Commit.DURABLE)).isEqualTo("on");
    }

    /** Custom plans replanned the gathering SELECT on every batch, most of a small batch's cost (V30). */
    @Test
    void theChargeKeepsOnePlanPerConnection() {
        assertThat(jdbc.sql("SELECT array_to_string(proconfig, ',') FROM pg_proc WHERE proname = 'usage_charge'")
                .query(String.class).single()).isEqualTo("plan_cache_mode=force_generic_plan,enable_seqscan=off");
        assertThat(jdbc.sql("SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'wallet_lock'")
                .query(String.class).single()).isEqualTo("plpgsql");
    }

    /**
     * Found by the kill loop (KillLoopTests): acknowledged charges were lost to an immediate stop of PostgreSQL,
     * because a transaction that only takes an xid writes no WAL of its own and so commits without flushing.
     */
    @Test
    void aFlushPutsEveryCommitMadeBeforeItOnDisk() {
        String lsn = transactions.execute(tx -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            jdbc.sql("INSERT INTO login_attempt (email, attempts) VALUES (:email, ARRAY[now()])")
                    .param("email", "flush-" + UUID.randomUUID() + "@example.com").update();
            return jdbc.sql("SELECT pg_current_wal_insert_lsn()::text").query(String.class).single();
        });

        repository.flush();

        assertThat(jdbc.sql("SELECT pg_current_wal_flush_lsn() >= CAST(:lsn AS pg_lsn)").param("lsn", lsn)
                .query(Boolean.class).single()).as("the WAL is on disk up to the deferred commit").isTrue();
    }

    /**
     * A durable batch that charges nothing (only refusals or replays, no wallet locked) still writes WAL in its
     * transaction (V32, written by usage_charge itself since V33): a transactional message, so the transaction has an id and a record to flush. Without
     * one, PostgreSQL would commit it without waiting for the disk, and a replay it answers could confirm a
     * deferred charge not yet on disk. A deferred batch writes nothing of the kind.
     */
    @Test
    void aDurableChargeThatChargesNothingStillWritesWalOfItsOwn() {
        assertThat(xidAfter(Commit.DURABLE)).as("a durable refusal-only batch takes an id").isTrue();
        assertThat(xidAfter(Commit.DEFERRED)).as("a deferred one does not").isFalse();
    }

    private boolean xidAfter(Commit commit) {
        Pending unknownWorkspace = GroupCommitterTests.event("mark-" + UUID.randomUUID());
        return transactions.execute(tx -> {
            assertThat(repository.charge(List.of(unknownWorkspace), Instant.now(), commit).events().getFirst().refusal())
                    .isEqualTo("workspace_not_found");
            return jdbc.sql("SELECT pg_current_xact_id_if_assigned() IS NOT NULL").query(Boolean.class).single();
        });
    }

    @Test
    void aCrossingLeftUnsentByACrashIsSentByTheSweepOnce() {
        Fixtures.Roster roster = fixtures.roster();
        jdbc.sql("""
                INSERT INTO usage_low_balance (org_id, threshold, balance_before, balance_after, crossed_at)
                VALUES (:org, 50000000, 60000000, 40000000, now())""").param("org", roster.org()).update();

        alerts.sweep();
        alerts.sweep();

        for (Api.User manager : List.of(roster.owner(), roster.billingAdmin())) {
            assertThat(mail.awaitMessagesTo(manager.email(), 1)).as(manager.email()).hasSize(1);
        }
        assertThat(mail.messagesTo(roster.member().email())).isEmpty();
        assertThat(jdbc.sql("SELECT after ->> 'balance' FROM audit_event WHERE org_id = :org AND action = 'wallet.low_balance'")
                .param("org", roster.org()).query(String.class).list()).containsExactly("40");
        assertThat(jdbc.sql("SELECT count(*) FROM usage_low_balance WHERE org_id = :org").param("org", roster.org())
                .query(Integer.class).single()).isZero();
    }
}
