import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Orgs, wallets and workspaces for the bench, written with SQL in one transaction (10,000 orgs take a
 * second or two; through the API they took two minutes): the rows the API would write for an org
 * with its owner, a funded wallet (balance and its ledger entry) and workspaces that bill it, without
 * the audit trail and the payment sandbox. One user owns them all and is the payer of every event.
 * Workspace {@code i} (0-based) is {@code workspacePrefix + i}; with one org, all workspaces bill it.
 */
final class Setup {

    /** Each usage event of the bench: 0.001 credits. */
    static final long EVENT_MICROS = 1_000;

    record Wallets(String tag, List<UUID> orgs, UUID owner, String workspacePrefix, int count, long fundedMicros) {
    }

    private Setup() {
    }

    /**
     * {@code orgs} orgs funded with {@code fundedMicros} each; {@code workspaces} workspaces, each
     * bound to org {@code i % orgs}.
     */
    static Wallets create(Connection c, String run, String tag, int orgs, int workspaces, long fundedMicros)
            throws SQLException {
        UUID owner = UUID.randomUUID();
        String slug = "b-" + run + "-" + tag;
        String workspacePrefix = "bw-" + run + "-" + tag + "-";
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            update(c, """
                    INSERT INTO app_user (id, email, display_name, password_hash, created_at)
                    VALUES (?::uuid, ?, 'Bench owner', 'bench: cannot sign in', now())""", owner.toString(),
                    slug + "@bench.local");
            update(c, "CREATE TEMP TABLE bench_org ON COMMIT DROP AS SELECT i, gen_random_uuid() AS id "
                    + "FROM generate_series(0, ? - 1) AS i", orgs);
            update(c, """
                    INSERT INTO organization (id, name, slug, status, created_at)
                    SELECT id, 'Bench ' || ? || ' ' || i, ? || '-' || i, 'active', now() FROM bench_org""", tag, slug);
            update(c, "INSERT INTO membership (org_id, user_id, role, joined_at) SELECT id, ?::uuid, 'owner', now() FROM bench_org",
                    owner.toString());
            update(c, "INSERT INTO wallet (org_id, balance, created_at) SELECT id, ?, now() FROM bench_org", fundedMicros);
            update(c, """
                    INSERT INTO wallet_entry (id, org_id, type, amount, balance_after, idempotency_key, reference, created_at)
                    SELECT gen_random_uuid(), id, 'adjustment', ?, ?, 'bench-funding:' || id, 'bench', now() FROM bench_org""",
                    fundedMicros, fundedMicros);
            update(c, """
                    INSERT INTO workspace (id, owner_user_id, name, billing_target, billing_org_id, created_at, updated_at)
                    SELECT ? || w, ?::uuid, 'Bench ' || w, 'org', o.id, now(), now()
                      FROM generate_series(0, ? - 1) AS w JOIN bench_org o ON o.i = w % ?""",
                    workspacePrefix, owner.toString(), workspaces, orgs);
            List<UUID> ids = new ArrayList<>(orgs);
            try (PreparedStatement query = c.prepareStatement("SELECT id FROM bench_org ORDER BY i");
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            c.commit();
            try (PreparedStatement analyze = c.prepareStatement("ANALYZE organization, membership, wallet, workspace")) {
                analyze.execute();
            }
            return new Wallets(tag, List.copyOf(ids), owner, workspacePrefix, workspaces, fundedMicros);
        }
        catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
        finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.setQueryTimeout(120);
            statement.executeUpdate();
        }
    }
}
