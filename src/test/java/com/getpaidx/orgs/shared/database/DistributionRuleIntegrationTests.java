package com.getpaidx.orgs.shared.database;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that lets the schema be distributed by {@code org_id} (Citus {@code create_distributed_table(…, 'org_id')},
 * co-located joins; docs/operations.md): read from {@code pg_catalog} after every migration, each table with an
 * {@code org_id} column has it {@code NOT NULL}, each of its primary keys and unique indexes includes it, and each
 * foreign key between two such tables carries it. The few keys that must stay unique across every org are listed
 * in {@link #GLOBAL_KEYS}, each with its reason; nothing else may escape.
 */
@IntegrationTest
class DistributionRuleIntegrationTests {

    /**
     * Unique indexes of org-owned tables that are deliberately global (index name → why). In Citus each becomes a
     * small lookup table distributed by its own key, or the key itself turns into (org_id, key) once its callers
     * know the org (docs/operations.md, "Global keys").
     */
    static final Map<String, String> GLOBAL_KEYS = Map.of(
            "usage_event_key_pkey", "the workspace runtime's eventId is unique across orgs: a replay charged to "
                    + "another org after a re-binding must still be recognised (DESIGN: idempotent usage)",
            "wallet_entry_idempotency_key_key", "ledger keys are 'usage:<eventId>' (global like the eventId) and "
                    + "'topup:<id>'; the usage batch SQL (V13/V14) relies on ON CONFLICT (idempotency_key)",
            "invitation_token_hash_key", "an accept link carries only the token: its hash finds the invitation "
                    + "before the org is known");

    /** Tables that stand in for an external system (the payment sandbox plays Stripe) are not the service's data. */
    static final String NOT_OWNED_PREFIX = "sandbox_";

    @Autowired JdbcClient jdbc;

    List<String> orgOwnedTables() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                   AND c.relname NOT LIKE 'flyway%' AND left(c.relname, length(:prefix)) <> :prefix
                 ORDER BY 1""").param("prefix", NOT_OWNED_PREFIX).query(String.class).list();
    }

    @Test
    void theRuleSeesTheTablesItIsAbout() {
        assertThat(orgOwnedTables()).contains("membership", "wallet", "wallet_entry", "usage_event", "invitation",
                "audit_event", "seat_assignment", "top_up").doesNotContain("sandbox_customer", "app_user");
    }

    @Test
    void everyOrgOwnedTableHasOrgIdNotNull() {
        List<String> nullable = jdbc.sql("""
                SELECT c.relname FROM pg_class c
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id'
                 WHERE c.relname IN (:tables) AND NOT a.attnotnull ORDER BY 1""")
                .param("tables", orgOwnedTables()).query(String.class).list();
        assertThat(nullable).as("org-owned tables whose org_id may be NULL").isEmpty();
    }

    @Test
    void everyPrimaryKeyAndUniqueIndexOfAnOrgOwnedTableIncludesOrgIdOrIsAListedGlobalKey() {
        List<String> offenders = jdbc.sql("""
                SELECT t.relname || '.' || i.relname || ' ' || pg_get_indexdef(x.indexrelid)
                  FROM pg_index x
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_class i ON i.oid = x.indexrelid
                 WHERE t.relname IN (:tables) AND (x.indisunique OR x.indisprimary)
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                    WHERE a.attrelid = t.oid AND a.attname = 'org_id' AND a.attnum = ANY (x.indkey))
                   AND i.relname NOT IN (:global)
                 ORDER BY 1""")
                .param("tables", orgOwnedTables()).param("global", GLOBAL_KEYS.keySet())
                .query(String.class).list();
        assertThat(offenders).as("unique keys without org_id (add org_id, or list it in GLOBAL_KEYS with a reason)")
                .isEmpty();
    }

    @Test
    void everyListedGlobalKeyExistsSoTheListCannotRot() {
        List<String> present = jdbc.sql("SELECT relname FROM pg_class WHERE relname IN (:global) AND relkind = 'i'")
                .param("global", GLOBAL_KEYS.keySet()).query(String.class).list();
        assertThat(present).containsExactlyInAnyOrderElementsOf(GLOBAL_KEYS.keySet());
    }

    @Test
    void everyForeignKeyBetweenOrgOwnedTablesJoinsOnOrgId() {
        List<String> offenders = jdbc.sql("""
                SELECT f.conname || ' ' || pg_get_constraintdef(f.oid)
                  FROM pg_constraint f
                  JOIN pg_class src ON src.oid = f.conrelid
                  JOIN pg_class dst ON dst.oid = f.confrelid
                 WHERE f.contype = 'f' AND src.relname IN (:tables) AND dst.relname IN (:tables)
                   AND NOT EXISTS (SELECT 1 FROM unnest(f.conkey, f.confkey) AS k(src_col, dst_col)
                                     JOIN pg_attribute s ON s.attrelid = f.conrelid AND s.attnum = k.src_col
                                     JOIN pg_attribute d ON d.attrelid = f.confrelid AND d.attnum = k.dst_col
                                    WHERE s.attname = 'org_id' AND d.attname = 'org_id')
                 ORDER BY 1""")
                .param("tables", orgOwnedTables()).query(String.class).list();
        assertThat(offenders).as("foreign keys between org-owned tables that do not join on org_id").isEmpty();
    }
}
