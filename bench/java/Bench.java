import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load side of bench/run, one phase per call against a running service:
 *
 * <pre>
 * java -cp classes:postgresql.jar Bench group|naive base=http://127.0.0.1:PORT jdbc=jdbc:postgresql://127.0.0.1:PORT/postgres
 *      dataDir=… out=… [servicePid=…] [mode=quick] [connections=32 warmup=20 rounds=3 seconds=15 chartSeconds=10 wallets=10000 batchSize=100]
 * java -cp classes Bench report out=… [chart=docs/hot-wallet.svg]
 * </pre>
 *
 * {@code group} runs against the service as configured (group commit): liveness, ceiling, hot_group and
 * many (their rounds in turn), batch and raw_batch (theirs in turn) and the group points of the chart;
 * {@code naive} against the service started with {@code getpaidx.usage.group-commit=false}: hot_naive and
 * the naive points. Each phase warms up,
 * measures its rounds (medians go to out/result.properties) and checks the ledger of its wallets;
 * {@code report} prints the table, the targets and the RESULT line (see {@link Report}).
 */
public final class Bench {

    static final List<Integer> CHART_CONNECTIONS = List.of(1, 8, 32, 128);
    static final long FUNDED = 1_000_000L * 1_000_000;          // a million credits: the hot wallets never run dry
    static final long MANY_FUNDED = 1_000L * 1_000_000;         // a thousand credits each

    private final Options options;
    private final Db db;
    private final Wrk wrk;
    private final CpuShare cpu;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, LedgerCheck.Tally> tallies = new HashMap<>();

    private Bench(Options options) {
        this.options = options;
        this.db = new Db(options);
        this.wrk = new Wrk(options);
        this.cpu = new CpuShare(Long.parseLong(options.get("servicePid", "0")), Path.of(options.require("dataDir")));
    }

    public static void main(String[] args) throws Exception {
        String phase = args.length == 0 ? "" : args[0];
        Options options = Options.parse(args, 1);
        switch (phase) {
            case "group" -> new Bench(options).group();
            case "naive" -> new Bench(options).naive();
            case "report" -> Report.print(options);
            default -> {
                System.err.println("usage: Bench group|naive|report key=value… (see the class comment)");
                System.exit(2);
            }
        }
    }

    private void group() throws Exception {
        try (Connection c = db.connect()) {
            RoundTrips.enable(c);
            long t0 = System.nanoTime();
            Setup.Wallets hot = Setup.create(c, run, "hot", 1, 1, FUNDED);
            Setup.Wallets batch = Setup.create(c, run, "batch", 1, 1, FUNDED);
            Setup.Wallets chart = Setup.create(c, run, "chartg", 1, 1, FUNDED);
            Setup.Wallets many = Setup.create(c, run, "many", options.wallets(), options.wallets(), MANY_FUNDED);
            System.out.printf(Locale.ROOT, "   set up %,d orgs with wallets and workspaces in %.1f s (SQL)%n",
                    many.orgs().size() + 3, (System.nanoTime() - t0) / 1e9);

            warmService(hot, batch);
            Phase liveness = start("liveness", Wrk.Load.get("/livez"), null, null);
            Phase ceiling = start("ceiling", Wrk.Load.events("refused", "ceiling-" + run, hot), null, null);
            Phase hotGroup = start("hot_group", Wrk.Load.events("event", "hot-" + run, hot), hot, c);
            Phase spread = start("many", Wrk.Load.events("event", "many-" + run, many), many, null);
            inTurn(liveness, ceiling, hotGroup, spread);
            put("ceiling_liveness_ratio", pairedRatio(ceiling, liveness));
            put("hot_ceiling_ratio", pairedRatio(hotGroup, ceiling));
            put("many_ceiling_ratio", pairedRatio(spread, ceiling));

            expect(liveness, r -> r.non2xx() == 0, "a liveness answer was not 2xx");
            put("liveness_eps", Round.medianRate(liveness.rounds()));

            expect(ceiling, r -> r.non2xx() == r.requests() && r.acked() == 0, "a refused event was not refused");
            put("ceiling_eps", Round.medianRate(ceiling.rounds()));
            put("ceiling_p99_ms", Round.medianP99(ceiling.rounds()));

            LedgerCheck.verify(c, "hot_group", hot, tallies.get(hot.tag()));
            put("hot_group_eps", Round.medianRate(hotGroup.rounds()));
            put("hot_group_p50_ms", Round.medianP50(hotGroup.rounds()));
            put("hot_group_p99_ms", Round.medianP99(hotGroup.rounds()));
            List<Double> perCommit = new ArrayList<>();
            List<Double> perFlush = new ArrayList<>();
            for (int i = 0; i < hotGroup.rounds().size(); i++) {
                long acked = hotGroup.rounds().get(i).acked();
                perCommit.add((double) acked / Math.max(1, hotGroup.windows().get(i).commits()));
                long flushes = hotGroup.windows().get(i).flushes();
                if (flushes > 0) { // none when every batch commits durably (fewer events than defer-from)
                    perFlush.add((double) acked / flushes);
                }
            }
            put("events_per_commit", Round.median(perCommit));
            put("events_per_flush", Round.median(perFlush));
            put("hot_group_round_trips_per_batch", Round.median(hotGroup.windows().stream().map(RoundTrips.Window::perBatch).toList()));

            LedgerCheck.verify(c, "many", many, tallies.get(many.tag()));
            put("many_eps", Round.medianRate(spread.rounds()));
            put("many_p50_ms", Round.medianP50(spread.rounds()));
            put("many_p99_ms", Round.medianP99(spread.rounds()));
            put("many_wallets", many.orgs().size());

            Phase batches = batchAgainstRaw(batch, c);
            LedgerCheck.verify(c, "batch", batch, tallies.get(batch.tag()));
            put("batch_eps", Round.medianRate(batches.rounds()));
            put("batch_p99_ms", Round.medianP99(batches.rounds()));
            put("batch_round_trips_per_batch", Round.median(batches.windows().stream().map(RoundTrips.Window::perBatch).toList()));

            chartPoints("group", Wrk.Load.events("event", "chartg-" + run, chart), chart, c);
        }
    }

    /**
     * The whole path gets hot before any figure: the JIT is still compiling after the first minute, and
     * the first phases (liveness, ceiling) would otherwise measure it. Charged events count in the ledger check.
     */
    private void warmService(Setup.Wallets hot, Setup.Wallets batch) throws Exception {
        int seconds = options.serviceWarmupSeconds();
        if (seconds <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "== service warm-up: %d s each of refused, charged and batch requests%n", seconds);
        wrk.run(Wrk.Load.events("refused", "warm-" + run, hot), options.connections(), seconds);
        tallies.computeIfAbsent(hot.tag(), tag -> new LedgerCheck.Tally())
                .add(wrk.run(Wrk.Load.events("event", "warm-" + run, hot), options.connections(), seconds));
        tallies.computeIfAbsent(batch.tag(), tag -> new LedgerCheck.Tally())
                .add(wrk.run(Wrk.Load.batch("warm-" + run, batch, options.batchSize()), options.connections(), seconds));
        wrk.run(Wrk.Load.get("/livez"), options.connections(), seconds);
    }

    private void naive() throws Exception {
        try (Connection c = db.connect()) {
            RoundTrips.enable(c);
            Setup.Wallets hot = Setup.create(c, run, "naive", 1, 1, FUNDED);
            Setup.Wallets chart = Setup.create(c, run, "chartn", 1, 1, FUNDED);
            Phase naive = measure("hot_naive", Wrk.Load.events("event", "naive-" + run, hot), hot, c);
            LedgerCheck.verify(c, "hot_naive", hot, tallies.get(hot.tag()));
            put("hot_naive_eps", Round.medianRate(naive.rounds()));
            put("hot_naive_p99_ms", Round.medianP99(naive.rounds()));
            chartPoints("naive", Wrk.Load.events("event", "chartn-" + run, chart), chart, c);
        }
    }

    /** Warm-up, then the rounds; with {@code stats}, the statements of each round from pg_stat_statements. */
    private Phase measure(String name, Wrk.Load load, Setup.Wallets wallets, Connection stats) throws Exception {
        Phase phase = start(name, load, wallets, stats);
        for (int i = 1; i <= options.rounds(); i++) {
            phase.round(options.roundSeconds());
        }
        return finish(phase);
    }

    /**
     * Round 1 of every phase in turn, then round 2, …: a ratio between two of them (the targets') compares
     * rounds measured a minute apart at most, so a machine that slows down or speeds up moves both sides.
     */
    private void inTurn(Phase... phases) throws Exception {
        for (int i = 1; i <= options.rounds(); i++) {
            System.out.printf(Locale.ROOT, "== rounds %d of %s%n", i,
                    java.util.Arrays.stream(phases).map(Phase::name).toList());
            for (Phase phase : phases) {
                phase.round(options.roundSeconds());
            }
        }
        for (Phase phase : phases) {
            finish(phase);
        }
    }

    /** The median of the rounds' ratios, round i of {@code top} over round i of {@code bottom}. */
    private static double pairedRatio(Phase top, Phase bottom) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(top.rounds().size(), bottom.rounds().size()); i++) {
            ratios.add(top.rounds().get(i).perSecond() / bottom.rounds().get(i).perSecond());
        }
        return Round.median(ratios);
    }

    private Phase start(String name, Wrk.Load load, Setup.Wallets wallets, Connection stats) throws Exception {
        System.out.printf(Locale.ROOT, "== %s: %d connections, warm-up %d s, %d × %d s%n", name, options.connections(),
                options.warmupSeconds(), options.rounds(), options.roundSeconds());
        LedgerCheck.Tally tally = wallets == null ? new LedgerCheck.Tally()
                : tallies.computeIfAbsent(wallets.tag(), tag -> new LedgerCheck.Tally());
        Phase phase = new Phase(name, load, stats, tally, wrk, cpu, options.connections());
        phase.warmUp(options.warmupSeconds());
        return phase;
    }

    private Phase finish(Phase phase) throws IOException {
        CpuShare.Split median = phase.medianSplit();
        put(phase.name() + "_cpu_service_us", median.serviceMicros());
        put(phase.name() + "_cpu_postgres_us", median.postgresMicros());
        put(phase.name() + "_cpu_rest_us", median.restMicros());
        put(phase.name() + "_cpu_idle_pct", median.idlePercent());
        return phase;
    }

    /**
     * The batch phase and the database's own rate for the same shape (plain JDBC, 100 debits a
     * transaction on one wallet), round for round in turn: batch round 1, raw round 1, batch round 2, …
     * Their ratio is the median of the rounds' ratios, each from two rounds a few seconds apart, so a
     * machine that slows down or speeds up over the run moves both sides of it.
     */
    private Phase batchAgainstRaw(Setup.Wallets batch, Connection stats) throws Exception {
        Phase batches = start("batch", Wrk.Load.batch("batch-" + run, batch, options.batchSize()), batch, stats);
        int connections = options.connections();
        System.out.printf(Locale.ROOT, "== raw_batch: plain JDBC, 100 debits a transaction, %d connections, warm-up %d s;"
                + " its rounds alternate with batch's%n", connections, options.warmupSeconds());
        RawJdbc raw = new RawJdbc(db);
        System.out.println("   warm-up  " + raw.run(connections, options.warmupSeconds()).describe("debits/s"));
        List<Round> rawRounds = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 1; i <= options.rounds(); i++) {
            Round ours = batches.round(options.roundSeconds());
            Round round = raw.run(connections, options.roundSeconds());
            rawRounds.add(round);
            ratios.add(ours.perSecond() / round.perSecond());
            System.out.printf(Locale.ROOT, "   raw %d  %s%n            batch ÷ raw %.3f%n", i,
                    round.describe("debits/s").replace("requests", "transactions"), ratios.getLast());
        }
        raw.verify();
        put("raw_batch_eps", Round.medianRate(rawRounds));
        put("batch_raw_ratio", Round.median(ratios));
        return finish(batches);
    }

    /** Short rounds on the chart's connection counts (skipped when chartSeconds=0). */
    private void chartPoints(String mode, Wrk.Load load, Setup.Wallets wallets, Connection c) throws Exception {
        if (options.chartSeconds() <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "== chart, %s: %s connections, warm-up %d s, 1 × %d s each%n", mode, CHART_CONNECTIONS,
                options.chartWarmupSeconds(), options.chartSeconds());
        LedgerCheck.Tally tally = tallies.computeIfAbsent(wallets.tag(), tag -> new LedgerCheck.Tally());
        for (int connections : CHART_CONNECTIONS) {
            tally.add(wrk.run(load, connections, options.chartWarmupSeconds()));
            Round round = wrk.run(load, connections, options.chartSeconds());
            tally.add(round);
            System.out.printf(Locale.ROOT, "   %3d connections  %s%n", connections, round.describe("events/s"));
            put("chart_" + mode + "_" + connections, round.perSecond());
        }
        LedgerCheck.verify(c, "chart " + mode, wallets, tally);
    }

    private static void expect(Phase phase, java.util.function.Predicate<Round> ok, String problem) {
        if (!phase.rounds().stream().allMatch(ok)) {
            System.out.println("FAILED " + phase.name() + ": " + problem + " (see wrk.log)");
            System.exit(1);
        }
    }

    private void put(String key, double value) throws IOException {
        Files.writeString(options.out().resolve("result.properties"), key + "=" + String.format(Locale.ROOT, "%.3f", value) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
