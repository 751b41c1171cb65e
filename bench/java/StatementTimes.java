import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * PostgreSQL's time by statement for bench/profile: pg_stat_statements with {@code track = all} also counts the
 * statements run inside functions (the ones of {@code usage_charge}), and {@code track_functions = all} each
 * function's own time. Both are set for the whole cluster (ALTER SYSTEM and a reload: the service's pooled
 * connections take them at their next statement) on the bench's throw-away database, and set back after.
 */
final class StatementTimes {

    private StatementTimes() {
    }

    static void trackAll(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET pg_stat_statements.track = 'all'");
            s.execute("ALTER SYSTEM SET track_functions = 'all'");
            s.execute("SELECT pg_reload_conf()");
            Thread.sleep(1_000);
            s.execute("SELECT pg_stat_statements_reset()");
            s.execute("SELECT pg_stat_reset()");
        }
    }

    static void trackTop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM RESET pg_stat_statements.track");
            s.execute("ALTER SYSTEM RESET track_functions");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** The statements that took the most time, nested ones marked, with their time a call and an event. */
    static void print(Connection c, long units) throws SQLException {
        System.out.println("== PostgreSQL by statement (pg_stat_statements, track = all; › nested in a function)");
        System.out.printf(Locale.ROOT, "   %9s %10s %9s %9s  %s%n", "calls", "µs a call", "µs/event", "rows", "statement");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT calls, total_exec_time, rows, toplevel, regexp_replace(query, '\\s+', ' ', 'g') AS query
                  FROM pg_stat_statements
                 WHERE calls > 0 AND query NOT LIKE '%pg\\_stat%'
                 ORDER BY total_exec_time DESC LIMIT 16""")) {
            while (rs.next()) {
                double millis = rs.getDouble("total_exec_time");
                String query = rs.getString("query");
                System.out.printf(Locale.ROOT, "   %,9d %10.1f %9.1f %,9d  %s%s%n", rs.getLong("calls"),
                        1000 * millis / rs.getLong("calls"), units == 0 ? 0 : 1000 * millis / units, rs.getLong("rows"),
                        rs.getBoolean("toplevel") ? "" : "› ", query.length() > 100 ? query.substring(0, 99) + "…" : query);
            }
        }
        System.out.println("== PostgreSQL by function (pg_stat_user_functions: µs a call, its own and with what it calls)");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT funcname, calls, self_time, total_time FROM pg_stat_user_functions
                 WHERE calls > 0 AND funcname NOT LIKE 'pg\\_stat%' ORDER BY total_time DESC LIMIT 8""")) {
            while (rs.next()) {
                long calls = rs.getLong("calls");
                System.out.printf(Locale.ROOT, "   %,9d %10.1f %9.1f  %s%n", calls, 1000 * rs.getDouble("self_time") / calls,
                        1000 * rs.getDouble("total_time") / calls, rs.getString("funcname"));
            }
        }
    }
}
