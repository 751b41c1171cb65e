import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The load side of bench/profile: one load against a running service, warmed up, then one round recorded
 * from three sides at once, to find where an event's time goes before changing anything:
 *
 * <pre>
 * java -cp classes:postgresql.jar Profile base=… jdbc=… dataDir=… out=… servicePid=… [load=hot|many|ceiling]
 *      [warmup=60 seconds=20 connections=32 wallets=10000]
 * </pre>
 *
 * <ul>
 * <li>the CPU split of bench/run's rounds (service, PostgreSQL, the rest, idle) and the service's context
 * switches a request ({@link ContextSwitches});</li>
 * <li>every statement PostgreSQL ran, nested ones inside {@code usage_charge} included, with its time a call
 * ({@link StatementTimes}: pg_stat_statements with {@code track = all});</li>
 * <li>a JFR recording of the service ({@code settings=profile}) in out/profile.jfr, with its hottest methods
 * printed ({@code jfr view hot-methods}).</li>
 * </ul>
 * A charged load's acknowledged events are checked against the ledger afterwards, as in bench/run.
 */
public final class Profile {

    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, 0);
        String load = options.get("load", "hot");
        int warmup = options.integer("warmup", 60);
        int seconds = options.integer("seconds", 20);
        long servicePid = Long.parseLong(options.require("servicePid"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        Db db = new Db(options);
        try (Connection c = db.connect()) {
            RoundTrips.enable(c);
            int wallets = load.equals("many") ? options.wallets() : 1;
            Setup.Wallets target = Setup.create(c, run, load, wallets, wallets,
                    load.equals("many") ? Bench.MANY_FUNDED : Bench.FUNDED);
            Wrk.Load requests = Wrk.Load.events(load.equals("ceiling") ? "refused" : "event", "profile-" + run, target);
            LedgerCheck.Tally tally = new LedgerCheck.Tally();
            // no statement count per batch here: with track = all it would count the nested statements too
            Phase phase = new Phase(load, requests, null, tally, new Wrk(options),
                    new CpuShare(servicePid, Path.of(options.require("dataDir"))), options.connections());
            System.out.printf(Locale.ROOT, "== %s: %d connections, warm-up %d s, then one round of %d s recorded%n", load,
                    options.connections(), warmup, seconds);
            phase.warmUp(warmup);

            StatementTimes.trackAll(c);
            Path recording = options.out().resolve("profile.jfr").toAbsolutePath();
            jcmd(servicePid, "JFR.start", "name=bench-profile", "settings=profile", "filename=" + recording);
            ContextSwitches before = ContextSwitches.of(servicePid);
            Round round = phase.round(seconds);
            ContextSwitches after = ContextSwitches.of(servicePid);
            jcmd(servicePid, "JFR.stop", "name=bench-profile");

            long units = requests.charges() ? round.acked() : round.requests();
            System.out.println("            " + after.minus(before).describe(units, requests.charges() ? "event" : "request"));
            StatementTimes.print(c, units);
            StatementTimes.trackTop(c);
            hotMethods(recording);
            if (requests.charges()) {
                LedgerCheck.verify(c, load, target, tally);
            }
        }
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(tool("jcmd"), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** The recording's hottest methods (self time), as {@code jfr view hot-methods} prints them. */
    private static void hotMethods(Path recording) throws Exception {
        Process process = new ProcessBuilder(tool("jfr"), "view", "--width", "160", "hot-methods", recording.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines()
                .filter(line -> !line.isBlank()).limit(23).toList();
        process.waitFor(60, TimeUnit.SECONDS);
        System.out.println("== the service's hottest methods (JFR, self time; the whole recording: " + recording + ")");
        lines.forEach(line -> System.out.println("   " + line));
        System.out.println("   more: jfr view --width 200 hot-methods|allocation-by-site|contention-by-site " + recording.getFileName());
    }

    private static String tool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(name + " is not in " + tool.getParent() + ": run bench/profile with a full JDK");
        }
        return tool.toString();
    }
}
