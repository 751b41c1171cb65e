import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk with bench/usage.lua against the service, one process per warm-up or round, and reads the
 * script's last line. wrk's own output goes to the results directory (wrk.log). Every run is bounded
 * by its duration; a wrk that overstays by 30 s is killed.
 */
final class Wrk {

    /** What the script sends: see bench/usage.lua. {@code path} is the URL path (for get). */
    record Load(String mode, String path, String prefix, String workspacePrefix, int workspaces, String userId,
            int batchSize) {

        static Load get(String path) {
            return new Load("get", path, "get", "", 1, "", 1);
        }

        static Load events(String mode, String prefix, Setup.Wallets wallets) {
            return new Load(mode, "/api/v1/usage-events", prefix, wallets.workspacePrefix(), wallets.count(),
                    wallets.owner().toString(), 1);
        }

        static Load batch(String prefix, Setup.Wallets wallets, int size) {
            return new Load("batch", "/api/v1/usage-events/batch", prefix, wallets.workspacePrefix(), wallets.count(),
                    wallets.owner().toString(), size);
        }

        int eventsPerRequest() {
            return mode.equals("batch") ? batchSize : mode.equals("event") ? 1 : 0;
        }

        boolean charges() {
            return eventsPerRequest() > 0;
        }
    }

    private final String base;
    private final Path script;
    private final Path log;
    private int runs;

    Wrk(Options options) {
        this.base = options.base();
        this.script = Path.of(options.get("lua", "bench/usage.lua"));
        this.log = options.out().resolve("wrk.log");
    }

    /** One wrk run of {@code seconds} on {@code connections} connections (at most 2 wrk threads, one a core). */
    Round run(Load load, int connections, int seconds) throws IOException, InterruptedException {
        runs++;
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(),
                base + load.path(), "--", load.mode(), load.prefix() + "-r" + runs, load.workspacePrefix(),
                Integer.toString(load.workspaces()), load.userId(), Integer.toString(load.batchSize())));
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not stop within " + (seconds + 30) + " s");
        }
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk exited with " + wrk.exitValue() + ", see " + log);
        }
        List<String> lines = Files.readAllLines(log);
        String last = lines.reversed().stream().filter(l -> l.startsWith("WRK ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no WRK line from bench/usage.lua in " + log));
        return round(load, parse(last));
    }

    static Map<String, Long> parse(String line) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring(4).trim().split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return values;
    }

    private static Round round(Load load, Map<String, Long> v) {
        double seconds = v.get("duration_us") / 1e6;
        long requests = v.get("requests");
        long acked = v.get("acked");
        // requests sent but never answered (cut off at the end, or a socket error) and errors other than
        // a refusal may have been charged; every answered 2xx is counted in acked exactly
        long answered2xx = v.get("created") + v.get("other2xx");
        long inDoubt = Math.max(0, v.get("sent") - answered2xx) * load.eventsPerRequest();
        double rate = load.charges() ? acked / seconds : requests / seconds;
        return new Round(rate, v.get("p50_us") / 1000.0, v.get("p99_us") / 1000.0, requests, acked, inDoubt,
                v.get("non2xx"), v.get("errors") + v.get("timeouts"));
    }
}
