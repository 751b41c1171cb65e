import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads out/result.properties (the medians both phases wrote), prints the table of figures, one
 * PASS or MISS line per target of issue 7 and, last, the RESULT line; writes the chart when its
 * points are there and {@code chart=} names a file.
 */
final class Report {

    private final Properties figures = new Properties();

    private Report(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            figures.load(reader);
        }
    }

    static void print(Options options) throws IOException {
        Report report = new Report(options.out().resolve("result.properties"));
        report.table();
        report.cpu();
        report.targets();
        report.chart(options);
        System.out.println(report.resultLine());
    }

    private double get(String key) {
        String value = figures.getProperty(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    /** The worse of the two batch kinds: group-committed single events and /usage-events/batch. */
    private double roundTrips() {
        return Math.max(get("hot_group_round_trips_per_batch"), get("batch_round_trips_per_batch"));
    }

    private void table() {
        String[][] rows = {
                { "liveness_eps", eps("liveness_eps"), "", "GET /livez (requests/s)" },
                { "ceiling_eps", eps("ceiling_eps"), ms("ceiling_p99_ms"), "the usage request refused by validation, no database (requests/s)" },
                { "hot_group_eps", eps("hot_group_eps"), ms("hot_group_p99_ms"), "one org wallet, single events, group commit" },
                { "hot_naive_eps", eps("hot_naive_eps"), ms("hot_naive_p99_ms"), "one org wallet, single events, one transaction each" },
                { "many_eps", eps("many_eps"), ms("many_p99_ms"), String.format(Locale.ROOT, "%,.0f org wallets, a random one per event", get("many_wallets")) },
                { "batch_eps", eps("batch_eps"), ms("batch_p99_ms"), "one org wallet, /usage-events/batch of 100 (p99 per request)" },
                { "raw_batch_eps", eps("raw_batch_eps"), "", "plain JDBC, 100 debits a transaction on one wallet (rounds between batch's)" },
                { "round_trips_per_batch", two(roundTrips()), "", String.format(Locale.ROOT,
                        "statements per usage_charge call (hot_group %s, batch %s)", two(get("hot_group_round_trips_per_batch")),
                        two(get("batch_round_trips_per_batch"))) },
                { "events_per_commit", one(get("events_per_commit")), "", "hot_group events / transactions committed (batches, flushes)" },
                { "events_per_flush", Double.isNaN(get("events_per_flush")) ? "-" : one(get("events_per_flush")), "",
                        "hot_group events / flushes of deferred batches (- when none)" },
        };
        System.out.printf(Locale.ROOT, "%-22s %10s %9s  %s%n", "figure", "median", "p99 ms", "what");
        System.out.println("-".repeat(100));
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-22s %10s %9s  %s%n", (Object[]) row);
        }
        System.out.println();
    }

    /** Where each phase's CPU went (medians of its rounds; see {@link CpuShare}). */
    private void cpu() {
        System.out.printf(Locale.ROOT, "%-22s %10s %12s %14s %8s%n", "cpu a request/event", "service", "PostgreSQL",
                "wrk, the rest", "idle");
        System.out.println("-".repeat(70));
        for (String phase : List.of("liveness", "ceiling", "hot_group", "hot_naive", "many", "batch")) {
            if (figures.containsKey(phase + "_cpu_service_us")) {
                System.out.printf(Locale.ROOT, "%-22s %7.0f µs %9.0f µs %11.0f µs %6.0f %%%n", phase,
                        get(phase + "_cpu_service_us"), get(phase + "_cpu_postgres_us"), get(phase + "_cpu_rest_us"),
                        get(phase + "_cpu_idle_pct"));
            }
        }
        System.out.println();
    }

    private void targets() {
        double ceiling = get("ceiling_eps");
        double hot = get("hot_group_eps");
        double batch = get("batch_eps");
        double raw = get("raw_batch_eps");
        // the rounds of liveness, ceiling, hot_group and many alternate: each ratio is the median of the rounds'
        // ratios (the medians' ratio beside it)
        double hotCeiling = get("hot_ceiling_ratio");
        target(hotCeiling >= 0.8,
                "hot_group_eps %.0f >= 0.8 x ceiling_eps %.0f (%.2f x round by round; %.2f x of the medians)", hot, ceiling,
                hotCeiling, hot / ceiling);
        target(hot >= 5 * get("hot_naive_eps"), "hot_group_eps %.0f >= 5 x hot_naive_eps %.0f (%.2f x)", hot,
                get("hot_naive_eps"), hot / get("hot_naive_eps"));
        double ceilingLiveness = get("ceiling_liveness_ratio");
        target(ceilingLiveness >= 0.75,
                "ceiling_eps %.0f >= 0.75 x liveness_eps %.0f (%.2f x round by round; %.2f x of the medians)", ceiling, get("liveness_eps"), ceilingLiveness, ceiling / get("liveness_eps"));
        double manyCeiling = get("many_ceiling_ratio");
        target(manyCeiling >= 0.6 && get("many_p99_ms") <= 50,
                "many_eps %.0f >= 0.6 x ceiling_eps (%.2f x round by round; %.2f x of the medians) and many_p99_ms %.1f <= 50",
                get("many_eps"), manyCeiling, get("many_eps") / ceiling, get("many_p99_ms"));
        // rounds of batch and raw_batch alternate; the ratio is the median of each pair's (the medians' ratio beside it)
        double paired = get("batch_raw_ratio");
        target(batch >= 20_000 && paired >= 0.5,
                "batch_eps %.0f >= 20000 and >= 0.5 x raw_batch_eps %.0f (%.3f x round by round; %.3f x of the medians)",
                batch, raw, paired, batch / raw);
        target(roundTrips() <= 3, "round_trips_per_batch %.2f <= 3", roundTrips());
    }

    private static void target(boolean met, String format, Object... args) {
        System.out.println((met ? "PASS " : "MISS ") + String.format(Locale.ROOT, format, args));
    }

    private void chart(Options options) throws IOException {
        String file = options.get("chart", "");
        if (file.isEmpty() || !figures.containsKey("chart_group_1") || !figures.containsKey("chart_naive_1")) {
            return;
        }
        List<Double> group = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        for (int connections : Bench.CHART_CONNECTIONS) {
            group.add(get("chart_group_" + connections));
            naive.add(get("chart_naive_" + connections));
        }
        Chart.write(Path.of(file), "Hot wallet: one org, single usage events",
                options.get("chartNote", "accepted events/s, one short round per point"), Bench.CHART_CONNECTIONS,
                List.of(new Chart.Series("group commit", "#1f77b4", group),
                        new Chart.Series("1 transaction/event", "#d62728", naive)));
        System.out.println("chart: " + file);
    }

    private String resultLine() {
        return String.format(Locale.ROOT, "RESULT liveness_eps=%.0f ceiling_eps=%.0f hot_group_eps=%.0f hot_group_p99_ms=%.1f "
                        + "hot_naive_eps=%.0f many_eps=%.0f many_p99_ms=%.1f batch_eps=%.0f raw_batch_eps=%.0f "
                        + "round_trips_per_batch=%.2f events_per_commit=%.1f",
                get("liveness_eps"), get("ceiling_eps"), get("hot_group_eps"), get("hot_group_p99_ms"), get("hot_naive_eps"),
                get("many_eps"), get("many_p99_ms"), get("batch_eps"), get("raw_batch_eps"), roundTrips(),
                get("events_per_commit"));
    }

    private String eps(String key) {
        return String.format(Locale.ROOT, "%,.0f", get(key));
    }

    private String ms(String key) {
        return one(get(key));
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
