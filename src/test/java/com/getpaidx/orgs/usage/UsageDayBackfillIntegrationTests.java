package com.getpaidx.orgs.usage;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V35 fills the day totals from the usage charged before it: a schema of its own is migrated to V34, charged on
 * three days through that version's function (two orgs, two workspaces), migrated to V35, and its totals must be
 * the entries and the events grouped; the function of V35 then adds to them.
 */
@IntegrationTest
class UsageDayBackfillIntegrationTests {

    @Autowired DataSource dataSource;

    @Test
    void theMigrationBackfillsTheDayTotalsFromTheHistory() throws Exception {
        String schema = "backfill_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection()) {
            var single = new SingleConnectionDataSource(connection, true);
            JdbcClient jdbc = JdbcClient.create(single);
            jdbc.sql("CREATE SCHEMA " + schema).update();
            try {
                migrate(single, schema, "34");
                jdbc.sql("SET search_path TO " + schema).update();
                seed(connection);
                for (String day : List.of("2026-10-31 23:59:59.999999", "2026-11-01 00:00:00", "2026-11-03 12:00:00")) {
                    charge(jdbc, "ws-a", day, 2);
                    charge(jdbc, "ws-b", day, 3);
                    charge(jdbc, "ws-c", day, 1);
                }
                migrate(single, schema, "35");
                jdbc.sql("SET search_path TO " + schema).update();
                charge(jdbc, "ws-a", "2026-11-03 13:00:00", 4);

                assertThat(jdbc.sql("SELECT count(*) FROM usage_day").query(Long.class).single()).isEqualTo(9);
                assertThat(list(jdbc, "SELECT org_id || ' ' || day || ' ' || credits FROM wallet_usage_day"))
                        .isEqualTo(list(jdbc, """
                                SELECT org_id || ' ' || day || ' ' || spent FROM (
                                  SELECT org_id, (created_at AT TIME ZONE 'UTC')::date AS day, -sum(amount) AS spent
                                    FROM wallet_entry WHERE type = 'usage' GROUP BY 1, 2) AS g"""));
                assertThat(list(jdbc, """
                        SELECT org_id || ' ' || day || ' ' || workspace_id || ' ' || user_id || ' ' || payer_user_id
                               || ' ' || credits || '/' || events FROM usage_day"""))
                        .isEqualTo(list(jdbc, """
                                SELECT org_id || ' ' || day || ' ' || workspace_id || ' ' || user_id || ' ' || payer_user_id
                                       || ' ' || credits || '/' || events FROM (
                                  SELECT org_id, (recorded_at AT TIME ZONE 'UTC')::date AS day, workspace_id, user_id,
                                         payer_user_id, sum(credits) AS credits, count(*) AS events
                                    FROM usage_event GROUP BY 1, 2, 3, 4, 5) AS g"""));
                assertThat(jdbc.sql("SELECT credits FROM usage_day WHERE workspace_id = 'ws-a' AND day = '2026-11-03'")
                        .query(Long.class).single()).isEqualTo(2 * 16 + 4 * 16);
            }
            finally {
                jdbc.sql("RESET search_path").update();
                jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
            }
        }
    }

    private static void migrate(DataSource dataSource, String schema, String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).target(target).load().migrate();
    }

    /** Two orgs, one owner, workspaces a and c billing the first and b the second. */
    private static void seed(Connection connection) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO app_user (id, email, display_name, password_hash, created_at) "
                    + "VALUES ('00000000-0000-0000-0000-000000000001', 'b@example.com', 'B', 'x', now())");
            for (String org : List.of("a", "b")) {
                String id = "'00000000-0000-0000-0000-0000000000a" + (org.equals("a") ? "1" : "2") + "'";
                sql.execute("INSERT INTO organization (id, name, slug, status, created_at) VALUES (" + id + ", 'Org "
                        + org + "', 'org-" + org + "', 'active', now())");
                sql.execute("INSERT INTO membership (org_id, user_id, role, joined_at) VALUES (" + id
                        + ", '00000000-0000-0000-0000-000000000001', 'owner', now())");
                sql.execute("INSERT INTO wallet (org_id, balance, created_at) VALUES (" + id + ", 1000000, now())");
                sql.execute("INSERT INTO wallet_entry (id, org_id, type, amount, balance_after, idempotency_key, reference, "
                        + "created_at) VALUES (gen_random_uuid(), " + id + ", 'adjustment', 1000000, 1000000, 'f-" + org
                        + "', 'f', now())");
            }
            sql.execute("""
                    INSERT INTO workspace (id, owner_user_id, name, billing_target, billing_org_id, created_at, updated_at)
                    SELECT 'ws-' || w, '00000000-0000-0000-0000-000000000001', 'W', 'org',
                           CASE w WHEN 'b' THEN '00000000-0000-0000-0000-0000000000a2'::uuid
                                  ELSE '00000000-0000-0000-0000-0000000000a1'::uuid END, now(), now()
                      FROM unnest(ARRAY['a', 'b', 'c']) AS w""");
        }
    }

    /** 16 events of {@code credits} micro-credits each for {@code workspace} at {@code at} (UTC). */
    private static void charge(JdbcClient jdbc, String workspace, String at, long credits) {
        long accepted = jdbc.sql("""
                SELECT count(*) FILTER (WHERE outcome = 'accepted') FROM usage_charge(
                    ARRAY(SELECT gen_random_uuid()::text FROM generate_series(1, 16)), array_fill(CAST(:ws AS text), ARRAY[16]),
                    array_fill('00000000-0000-0000-0000-000000000001'::uuid, ARRAY[16]), array_fill(CAST(:credits AS bigint), ARRAY[16]),
                    array_fill('chat'::text, ARRAY[16]), array_fill('m'::text, ARRAY[16]),
                    array_fill(CAST(:at AS timestamptz), ARRAY[16]), array_fill(md5('x'), ARRAY[16]), CAST(:at AS timestamptz), 'off')""")
                .param("ws", workspace).param("credits", credits).param("at", at + "+00")
                .query(Long.class).single();
        assertThat(accepted).isEqualTo(16);
    }

    private static List<String> list(JdbcClient jdbc, String sql) {
        return jdbc.sql("SELECT * FROM (" + sql + ") AS q ORDER BY 1").query(String.class).list();
    }
}
