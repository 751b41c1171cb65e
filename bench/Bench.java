import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of {@code bench/run}: usage ingestion over HTTP against one running service, and
 * the raw debit limit over JDBC against its database. {@code bench/run} compiles it once; it also runs
 * as a single-file source program, with the service token in {@code GETPAIDX_SERVICE_TOKEN}:
 *
 * <pre>
 * java -cp postgresql.jar bench/Bench.java naive|group|report base=http://127.0.0.1:… jdbc=jdbc:postgresql://… out=dir
 * </pre>
 *
 * {@code naive} and {@code group} run their scenarios and append rows to {@code out}/rows.tsv and
 * figures to {@code out}/result.properties; {@code report} prints the table and, last, the RESULT line.
 * After every scenario the ledger of the wallets involved is checked: Σ entries = balance = funded −
 * charged, and accepted events = usage entries = usage rows; a mismatch ends the run with exit code 1.
 * Every loop stops at a time and at a count.
 */
public class Bench {

    static final long EVENT_MICROS = 1_000;            // "0.001" credits
    static final String EVENT_CREDITS = "0.001";
    static final long SCALE_MICROS = 20_000L * 1_000_000;
    static final long STARTER_MICROS = 1_000L * 1_000_000;
    static final long MAX_REQUESTS = 5_000_000;        // per scenario, on top of its time bound

    final Map<String, String> options;
    final String base;
    final String jdbcUrl;
    final String serviceToken;
    final Path out;
    final String run = Long.toString(System.currentTimeMillis(), 36);
    final int clients;
    final long warmupNanos;
    final long measureNanos;
    final long deadline;                               // System.currentTimeMillis() the phase must end by
    boolean firstScenario = true;                      // the service's JIT is still cold: a longer warm-up

    Bench(Map<String, String> options) {
        this.options = options;
        this.base = options.getOrDefault("base", "");
        this.jdbcUrl = options.getOrDefault("jdbc", "");
        this.serviceToken = System.getenv("GETPAIDX_SERVICE_TOKEN");
        this.out = Path.of(options.getOrDefault("out", "."));
        this.clients = intOption("clients", 32);
        this.warmupNanos = (long) (doubleOption("warmup", 3) * 1e9);
        this.measureNanos = (long) (doubleOption("measure", 10) * 1e9);
        this.deadline = options.containsKey("deadline") ? Long.parseLong(options.get("deadline")) * 1000
                : System.currentTimeMillis() + 240_000;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Bench bench = new Bench(options);
        switch (args.length == 0 ? "" : args[0]) {
            case "naive" -> bench.naivePhase();
            case "group" -> bench.groupPhase();
            case "report" -> bench.report();
            default -> {
                System.err.println("usage: Bench naive|group|report base=http://127.0.0.1:port jdbc=jdbc:postgresql://… out=dir");
                System.exit(2);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ phases

    void naivePhase() throws Exception {
        requireServiceToken();
        Hot hot = hotOrg("naive", 64);
        Result result = closedLoop(clients, (http, client, seq) -> hot.single(http, "n" + client + "-" + seq));
        check("hot wallet, single, naive", Map.of(hot.org, result.acceptedTotal), Map.of(hot.org, SCALE_MICROS));
        row("hot wallet, single events", "naive (1 tx/event)", clients, result, "");
        put("hot_naive_eps", fmt0(result.eps()));
    }

    void groupPhase() throws Exception {
        requireServiceToken();
        List<String> scenarios = List.of(options.getOrDefault("scenarios", "hot,batch,raw,many,open").split(","));
        if (scenarios.contains("hot")) {
            hotGroup();
        }
        if (scenarios.contains("batch")) {
            hotBatch();
        }
        if (scenarios.contains("raw")) {
            rawLimit();
        }
        if (scenarios.contains("many")) {
            manyWallets();
        }
        if (scenarios.contains("open")) {
            openLoopHot();
        }
    }

    void hotGroup() throws Exception {
        Hot hot = hotOrg("group", 64);
        Result single = closedLoop(clients, (http, client, seq) -> hot.single(http, "g" + client + "-" + seq));
        check("hot wallet, single, group commit", Map.of(hot.org, single.acceptedTotal), Map.of(hot.org, SCALE_MICROS));
        row("hot wallet, single events", "group commit", clients, single, "");
        put("hot_group_eps", fmt0(single.eps()));
    }

    void hotBatch() throws Exception {
        int batchClients = intOption("batchClients", 4);
        int batchSize = intOption("batchSize", 1000);
        Hot batchHot = hotOrg("batch", 64);
        Result batch = closedLoop(batchClients, (http, client, seq) -> batchHot.batch(http, "b" + client + "-" + seq, batchSize));
        check("hot wallet, batch", Map.of(batchHot.org, batch.acceptedTotal), Map.of(batchHot.org, SCALE_MICROS));
        row("hot wallet, batches of " + batchSize, "batch endpoint", batchClients, batch, "latency per request");
        put("batch_eps", fmt0(batch.eps()));
    }

    void rawLimit() throws Exception {
        Raw raw = new Raw(jdbcUrl);
        Result rawSingle = raw.run(1, false, clients);
        row("raw JDBC debit, hot row", "1 debit/tx", clients, rawSingle, "conditional UPDATE + INSERT, own tables");
        put("raw_single_eps", fmt0(rawSingle.eps()));
        boolean setBased = !options.getOrDefault("rawBatch", "set").equals("each");
        Result rawBatch = raw.run(100, setBased, clients);
        row("raw JDBC debit, hot row", "100 debits/tx", clients, rawBatch, setBased
                ? "one conditional UPDATE of the sum + one 100-row INSERT; latency per tx"
                : "100 conditional UPDATEs + INSERTs, batched; latency per tx");
        put("raw_batch_eps", fmt0(rawBatch.eps()));
    }

    void manyWallets() throws Exception {
        Many many = manyOrgs(intOption("wallets", 10_000));
        Result spread = closedLoop(clients, (http, client, seq) -> many.single(http, "m" + client + "-" + seq));
        check("many wallets", many.acceptedByOrg(), many.funded());
        row(String.format("%,d wallets, single events", many.orgs.size()), "group commit", clients, spread,
                many.orgs.size() < intOption("wallets", 10_000) ? "fewer wallets: see below" : "random wallet per event");
        put("many_eps", fmt0(spread.eps()));
        put("many_p50_ms", fmt1(spread.p50Millis()));
        put("many_p99_ms", fmt1(spread.p99Millis()));
        put("many_wallets", Integer.toString(many.orgs.size()));
        put("many_setup_note", many.note);
    }

    void openLoopHot() throws Exception {
        Hot open = hotOrg("open", 64);
        int rate = intOption("rate", 2000);
        OpenResult offered = openLoop(rate, (http, client, seq) -> open.single(http, "o" + client + "-" + seq));
        check("open loop", Map.of(open.org, offered.acceptedTotal), Map.of(open.org, SCALE_MICROS));
        put("open_rate", Integer.toString(rate));
        put("open_offered", Long.toString(offered.offered));
        put("open_completed", Long.toString(offered.completed));
        put("open_dropped", Long.toString(offered.late + offered.failed));
        put("open_p50_ms", fmt1(offered.latency.percentile(0.50) / 1e6));
        put("open_p99_ms", fmt1(offered.latency.percentile(0.99) / 1e6));
        Result asRow = new Result(offered.completed, offered.completed, offered.acceptedTotal, offered.failed,
                offered.latency, measureNanos, offered.errors);
        row(String.format("open loop, hot wallet, %,d req/s offered", rate), "group commit", intOption("openConnections", 64),
                asRow, String.format("offered %,d, completed %,d, dropped %,d (late %,d, failed %,d)", offered.offered,
                        offered.completed, offered.late + offered.failed, offered.late, offered.failed));
    }

    void report() throws IOException {
        Properties result = new Properties();
        try (var reader = Files.newBufferedReader(out.resolve("result.properties"))) {
            result.load(reader);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "mode", "clients", "events/s", "p50 ms", "p99 ms", "requests", "errors", "ledger", "note"});
        for (String line : Files.readAllLines(out.resolve("rows.tsv"))) {
            rows.add(line.split("\t", -1));
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = i < r.length ? r[i] : "";
                boolean numeric = i >= 2 && i <= 7;
                line.append(pad(cell, widths[i], numeric)).append("  ");
            }
            table.append(line.toString().stripTrailing()).append('\n');
            if (n == 0) {
                table.append("-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
            }
        }
        System.out.print(table);

        double naive = Double.parseDouble(result.getProperty("hot_naive_eps"));
        double group = Double.parseDouble(result.getProperty("hot_group_eps"));
        double batch = Double.parseDouble(result.getProperty("batch_eps"));
        double rawBatch = Double.parseDouble(result.getProperty("raw_batch_eps"));
        double p99 = Double.parseDouble(result.getProperty("many_p99_ms"));
        double ratio = group / naive;
        System.out.println();
        if (result.containsKey("many_setup_note")) {
            System.out.println("many wallets: " + result.getProperty("many_setup_note"));
        }
        if (options.containsKey("started")) {
            System.out.printf(Locale.ROOT, "machine: %d cores, load average %s at the start, %s at the end; run time %d s%n",
                    Runtime.getRuntime().availableProcessors(), options.getOrDefault("load_start", "?"),
                    options.getOrDefault("load_end", "?"), System.currentTimeMillis() / 1000 - Long.parseLong(options.get("started")));
        }
        System.out.printf(Locale.ROOT, "targets (issue 7):%n");
        target(String.format(Locale.ROOT, "hot_ratio %.2f >= 3", ratio), ratio >= 3);
        target(String.format(Locale.ROOT, "batch_eps %.0f >= 20000", batch), batch >= 20_000);
        target(String.format(Locale.ROOT, "batch_eps %.0f >= 40%% of raw_batch_eps %.0f (%.0f%%)", batch, rawBatch,
                100 * batch / rawBatch), batch >= 0.4 * rawBatch);
        target(String.format(Locale.ROOT, "many_p99_ms %.1f <= 50", p99), p99 <= 50);
        System.out.printf(Locale.ROOT, "RESULT hot_ratio=%.2f hot_group_eps=%s hot_naive_eps=%s batch_eps=%s raw_batch_eps=%s many_eps=%s many_p99_ms=%s%n",
                ratio, result.getProperty("hot_group_eps"), result.getProperty("hot_naive_eps"), result.getProperty("batch_eps"),
                result.getProperty("raw_batch_eps"), result.getProperty("many_eps"), result.getProperty("many_p99_ms"));
    }

    static void target(String what, boolean met) {
        System.out.println("  " + (met ? "met     " : "MISSED  ") + what);
    }

    static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    // ------------------------------------------------------------------------------- closed and open loop

    /** One request of a scenario; returns the events it got accepted, throws on anything unexpected. */
    interface Call {
        long send(Http http, int client, long seq) throws IOException;
    }

    record Result(long requestsInWindow, long eventsInWindow, long acceptedTotal, long errors, Latencies latency,
            long windowNanos, List<String> errorSamples) {

        double eps() {
            return eventsInWindow * 1e9 / windowNanos;
        }

        double p50Millis() {
            return latency.percentile(0.50) / 1e6;
        }

        double p99Millis() {
            return latency.percentile(0.99) / 1e6;
        }
    }

    /** {@code clients} threads, each on its own keep-alive connection, back to back: warm-up, then the window. */
    Result closedLoop(int clients, Call call) throws Exception {
        long start = System.nanoTime();
        long windowStart = start + (firstScenario ? (long) (doubleOption("warmupFirst", 6) * 1e9) : warmupNanos);
        firstScenario = false;
        long windowEnd = windowStart + measureNanos;
        AtomicLong requests = new AtomicLong();
        AtomicLong inWindow = new AtomicLong();
        AtomicLong eventsInWindow = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        Latencies[] latencies = new Latencies[clients];
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                latencies[c] = new Latencies();
                workers.add(pool.submit(() -> {
                    try (Http http = new Http(base)) {
                        for (long seq = 0; System.nanoTime() < windowEnd && requests.incrementAndGet() <= MAX_REQUESTS; seq++) {
                            long t0 = System.nanoTime();
                            long events;
                            try {
                                events = call.send(http, client, seq);
                            }
                            catch (IOException | RuntimeException e) {
                                errors.incrementAndGet();
                                if (samples.size() < 5) {
                                    samples.add(e.toString());
                                }
                                http.disconnect();
                                continue;
                            }
                            long t1 = System.nanoTime();
                            accepted.addAndGet(events);
                            if (t0 >= windowStart && t1 <= windowEnd) {
                                inWindow.incrementAndGet();
                                eventsInWindow.addAndGet(events);
                                latencies[client].add(t1 - t0);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        Latencies all = Latencies.merge(latencies);
        Result result = new Result(inWindow.get(), eventsInWindow.get(), accepted.get(), errors.get(), all, measureNanos,
                List.copyOf(samples));
        result.errorSamples().forEach(e -> System.out.println("    error: " + e));
        return result;
    }

    record OpenResult(long offered, long completed, long late, long failed, long acceptedTotal, Latencies latency,
            List<String> errors) {
    }

    /**
     * Requests scheduled at a fixed rate, whether or not earlier ones are answered: slot i is due at
     * start + i/rate. A slot not started within {@code lateMillis} of its time (every connection busy)
     * or failing is dropped. Latency counts from the slot's due time, so queueing shows.
     */
    OpenResult openLoop(int rate, Call call) throws Exception {
        int connections = intOption("openConnections", 64);
        long lateNanos = (long) (doubleOption("lateMillis", 50) * 1e6);
        double interval = 1e9 / rate;
        long warmupSlots = Math.round(warmupNanos / interval);
        long totalSlots = warmupSlots + Math.round(measureNanos / interval);
        long start = System.nanoTime() + 50_000_000;
        AtomicLong next = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong late = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        Latencies[] latencies = new Latencies[connections];
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int client = c;
                latencies[c] = new Latencies();
                workers.add(pool.submit(() -> {
                    try (Http http = new Http(base)) {
                        for (long slot = next.getAndIncrement(); slot < totalSlots; slot = next.getAndIncrement()) {
                            long due = start + (long) (slot * interval);
                            long wait;
                            while ((wait = due - System.nanoTime()) > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            boolean measured = slot >= warmupSlots;
                            if (System.nanoTime() - due > lateNanos) {
                                if (measured) {
                                    late.incrementAndGet();
                                }
                                continue;
                            }
                            try {
                                accepted.addAndGet(call.send(http, client, slot));
                                if (measured) {
                                    completed.incrementAndGet();
                                    latencies[client].add(System.nanoTime() - due);
                                }
                            }
                            catch (IOException | RuntimeException e) {
                                if (measured) {
                                    failed.incrementAndGet();
                                }
                                if (samples.size() < 5) {
                                    samples.add(e.toString());
                                }
                                http.disconnect();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        samples.forEach(e -> System.out.println("    error: " + e));
        return new OpenResult(totalSlots - warmupSlots, completed.get(), late.get(), failed.get(), accepted.get(),
                Latencies.merge(latencies), List.copyOf(samples));
    }

    // ------------------------------------------------------------------------------------- the wallets

    record User(String id, String token) {
    }

    /** One org with one wallet funded with 20,000 credits, and workspaces that bill it. */
    final class Hot {
        final String org;
        final User owner;
        final List<String> workspaces;

        Hot(String org, User owner, List<String> workspaces) {
            this.org = org;
            this.owner = owner;
            this.workspaces = workspaces;
        }

        long single(Http http, String id) throws IOException {
            String ws = workspaces.get((int) Math.floorMod(id.hashCode(), (long) workspaces.size()));
            return postEvent(http, event(run + "-" + id, ws, owner.id()));
        }

        long batch(Http http, String id, int size) throws IOException {
            StringBuilder body = new StringBuilder(size * 200).append("{\"events\":[");
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    body.append(',');
                }
                body.append(event(run + "-" + id + "-" + i, workspaces.get(i % workspaces.size()), owner.id()));
            }
            body.append("]}");
            Http.Response response = http.send("POST", "/api/v1/usage-events/batch", serviceToken, body.toString());
            if (response.status() != 200) {
                throw new IllegalStateException("batch: " + response.status() + " " + abbreviate(response.body()));
            }
            long acceptedEvents = count(response.body(), "\"status\":\"accepted\"");
            if (acceptedEvents != size) {
                throw new IllegalStateException("batch: " + acceptedEvents + " of " + size + " accepted: " + abbreviate(response.body()));
            }
            return acceptedEvents;
        }
    }

    Hot hotOrg(String name, int workspaceCount) throws Exception {
        try (Http http = new Http(base)) {
            User owner = user(http, name);
            String org = createOrg(http, owner, "Bench " + name + " " + run);
            topUp(http, owner, org, "scale");
            List<String> workspaces = new ArrayList<>();
            for (int i = 0; i < workspaceCount; i++) {
                String ws = "ws-" + run + "-" + name + "-" + i;
                bindWorkspace(http, owner, org, ws);
                workspaces.add(ws);
            }
            return new Hot(org, owner, List.copyOf(workspaces));
        }
    }

    /** Many orgs, one workspace and one starter top-up (1,000 credits) each. */
    final class Many {
        record Wallet(String org, String workspace, String owner) {
        }

        final List<Wallet> orgs;
        final AtomicIntegerArray accepted;
        final String note;

        Many(List<Wallet> orgs, String note) {
            this.orgs = orgs;
            this.accepted = new AtomicIntegerArray(orgs.size());
            this.note = note;
        }

        long single(Http http, String id) throws IOException {
            int i = ThreadLocalRandom.current().nextInt(orgs.size());
            Wallet wallet = orgs.get(i);
            long events = postEvent(http, event(run + "-" + id, wallet.workspace(), wallet.owner()));
            accepted.addAndGet(i, (int) events);
            return events;
        }

        Map<String, Long> acceptedByOrg() {
            Map<String, Long> map = new HashMap<>();
            for (int i = 0; i < orgs.size(); i++) {
                map.put(orgs.get(i).org(), (long) accepted.get(i));
            }
            return map;
        }

        Map<String, Long> funded() {
            Map<String, Long> map = new HashMap<>();
            orgs.forEach(w -> map.put(w.org(), STARTER_MICROS));
            return map;
        }
    }

    /**
     * Creates the orgs in parallel through the API, a few users owning many orgs each. The setup is
     * cut short when it would not leave the rest of the run its time; the note says so and why.
     */
    Many manyOrgs(int wanted) throws Exception {
        int threads = intOption("setupThreads", 48);
        int users = 8;
        long reserveMillis = (long) ((warmupNanos + measureNanos) * 2 / 1e6) + 14_000;  // many + open loop + checks
        long budgetMillis = Math.min((long) (doubleOption("setupBudget", 240) * 1000), deadline - System.currentTimeMillis() - reserveMillis);
        long started = System.nanoTime();
        long stopAt = started + Math.max(budgetMillis, 5_000) * 1_000_000;
        List<User> owners = new ArrayList<>();
        try (Http http = new Http(base)) {
            for (int u = 0; u < users; u++) {
                owners.add(user(http, "many" + u));
            }
        }
        ConcurrentLinkedQueue<Many.Wallet> created = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (Http http = new Http(base)) {
                        for (int i = next.getAndIncrement(); i < wanted && System.nanoTime() < stopAt; i = next.getAndIncrement()) {
                            User owner = owners.get(i % users);
                            try {
                                String org = createOrg(http, owner, "Bench many " + run + " " + i);
                                topUp(http, owner, org, "starter");
                                String ws = "ws-" + run + "-many-" + i;
                                bindWorkspace(http, owner, org, ws);
                                created.add(new Many.Wallet(org, ws, owner.id()));
                            }
                            catch (IOException | RuntimeException e) {
                                failures.add(e.toString());
                                http.disconnect();
                                if (failures.size() > 20) {
                                    throw new IllegalStateException("setup of many wallets keeps failing: " + failures.peek());
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int n = created.size();
        double perSecond = n / seconds;
        String note;
        if (n >= wanted) {
            note = String.format(Locale.ROOT, "setup %,d orgs via API in %.0f s (%.0f orgs/s)", n, seconds, perSecond);
        }
        else {
            note = String.format(Locale.ROOT, "REDUCED to %,d orgs: setup via API ran %.0f s at %.0f orgs/s; %,d would take %.0f s, beyond the 5-min budget",
                    n, seconds, perSecond, wanted, wanted / perSecond);
        }
        System.out.println("  many wallets: " + note + (failures.isEmpty() ? "" : "; failures: " + failures.size() + " e.g. " + failures.peek()));
        if (n < 100) {
            throw new IllegalStateException("too few wallets set up: " + n);
        }
        return new Many(List.copyOf(created), note);
    }

    // ----------------------------------------------------------------------------------- the API

    User user(Http http, String name) throws IOException {
        String email = name + "-" + run + "@bench.local";
        String password = "bench password " + run;
        Http.Response signUp = expect(http.send("POST", "/api/v1/auth/signup", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Bench " + name + "\"}"), 201, 200);
        Http.Response token = expect(http.send("POST", "/api/v1/auth/tokens", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"), 200, 201);
        return new User(field(signUp.body(), "userId"), field(token.body(), "token"));
    }

    String createOrg(Http http, User owner, String name) throws IOException {
        return field(expect(http.send("POST", "/api/v1/orgs", owner.token(), "{\"name\":\"" + name + "\"}"), 201, 200).body(), "id");
    }

    void topUp(Http http, User owner, String org, String packageId) throws IOException {
        Http.Response topUp = expect(http.send("POST", "/api/v1/orgs/" + org + "/wallet/topups", owner.token(),
                "{\"packageId\":\"" + packageId + "\"}"), 201);
        String path = URI.create(field(topUp.body(), "checkoutUrl")).getPath();
        expect(http.send("POST", "/sandbox/api/checkout-sessions/" + path.substring(path.lastIndexOf('/') + 1) + "/complete",
                null, null), 200, 204);
    }

    void bindWorkspace(Http http, User owner, String org, String ws) throws IOException {
        expect(http.send("PUT", "/api/v1/workspaces/" + ws, serviceToken,
                "{\"ownerUserId\":\"" + owner.id() + "\",\"name\":\"" + ws + "\"}"), 201, 200);
        expect(http.send("PUT", "/api/v1/workspaces/" + ws + "/billing", owner.token(),
                "{\"target\":\"org\",\"orgId\":\"" + org + "\"}"), 200);
    }

    long postEvent(Http http, String event) throws IOException {
        Http.Response response = http.send("POST", "/api/v1/usage-events", serviceToken, event);
        if (response.status() != 201) {
            throw new IllegalStateException("usage event: " + response.status() + " " + abbreviate(response.body()));
        }
        return 1;
    }

    static String event(String id, String workspace, String user) {
        return "{\"eventId\":\"" + id + "\",\"workspaceId\":\"" + workspace + "\",\"userId\":\"" + user
                + "\",\"credits\":\"" + EVENT_CREDITS + "\",\"kind\":\"chat\",\"model\":\"m\",\"occurredAt\":\"2026-11-26T10:00:00Z\"}";
    }

    static Http.Response expect(Http.Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException("unexpected " + response.status() + ": " + abbreviate(response.body()));
    }

    /** The first string value of a JSON field (the bodies here are flat enough for that). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + abbreviate(json));
        }
        int from = at + key.length();
        return json.substring(from, json.indexOf('"', from));
    }

    static long count(String text, String what) {
        long n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    // ------------------------------------------------------------------------------------- checks

    /**
     * For each org: Σ wallet entries = balance = funded − accepted × 0.001, and accepted = usage
     * entries = usage rows. Any mismatch: printed, exit 1.
     */
    void check(String scenario, Map<String, Long> acceptedByOrg, Map<String, Long> fundedByOrg) throws SQLException {
        List<String> problems = new ArrayList<>();
        long accepted = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             // aggregates joined by org rather than subqueries per wallet: the planner's statistics are
             // skewed by the hot wallets (a few orgs own most rows), and a correlated plan then scans per org
             PreparedStatement query = c.prepareStatement("""
                     WITH ids AS (SELECT DISTINCT unnest(?::uuid[]) AS org_id),
                          entries AS (SELECT org_id, SUM(amount) AS total, count(*) FILTER (WHERE type = 'usage') AS usage
                                        FROM wallet_entry WHERE org_id IN (SELECT org_id FROM ids) GROUP BY org_id),
                          events AS (SELECT org_id, count(*) AS n
                                       FROM usage_event WHERE org_id IN (SELECT org_id FROM ids) GROUP BY org_id)
                     SELECT w.org_id::text, w.balance, COALESCE(entries.total, 0), COALESCE(entries.usage, 0), COALESCE(events.n, 0)
                       FROM wallet w JOIN ids USING (org_id)
                       LEFT JOIN entries USING (org_id) LEFT JOIN events USING (org_id)""")) {
            Array ids = c.createArrayOf("uuid", acceptedByOrg.keySet().stream().map(UUID::fromString).toArray());
            query.setArray(1, ids);
            query.setQueryTimeout(60);
            int seen = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    seen++;
                    String org = rs.getString(1);
                    long balance = rs.getLong(2);
                    long sum = rs.getLong(3);
                    long entries = rs.getLong(4);
                    long rows = rs.getLong(5);
                    long expected = acceptedByOrg.get(org);
                    accepted += expected;
                    long expectedBalance = fundedByOrg.get(org) - expected * EVENT_MICROS;
                    if (balance != sum || balance != expectedBalance || entries != expected || rows != expected) {
                        problems.add(String.format("org %s: balance %d, Σ entries %d, expected balance %d; accepted %d, usage entries %d, usage rows %d",
                                org, balance, sum, expectedBalance, expected, entries, rows));
                    }
                }
            }
            if (seen != acceptedByOrg.size()) {
                problems.add("wallets found " + seen + " of " + acceptedByOrg.size());
            }
        }
        if (!problems.isEmpty()) {
            System.err.println("LEDGER CHECK FAILED after " + scenario + " (" + problems.size() + " wallets):");
            problems.stream().limit(5).forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "  check %s: %,d wallets, %,d accepted events = usage entries = usage rows, Σ entries = balance: ok%n",
                scenario, acceptedByOrg.size(), accepted);
    }

    // ------------------------------------------------------------------------------- raw JDBC limit

    /** The smallest honest debit, on tables of its own: a conditional UPDATE of a hot row plus an INSERT. */
    final class Raw {
        private final String url;
        private final AtomicInteger walletIds = new AtomicInteger();
        private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();

        Raw(String url) throws SQLException {
            this.url = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_entry, bench_wallet");
                s.execute("CREATE TABLE bench_wallet (id int PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0))");
                s.execute("CREATE TABLE bench_entry (event_id text PRIMARY KEY, wallet_id int NOT NULL, amount bigint NOT NULL)");
            }
        }

        Result run(int perTransaction, boolean setBased, int clients) throws Exception {
            int wallet = walletIds.incrementAndGet();
            long funded = Long.MAX_VALUE / 4;
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("INSERT INTO bench_wallet VALUES (" + wallet + ", " + funded + ")");
            }
            Result result = closedLoop(clients, new Call() {
                final ThreadLocal<Connection> connections = new ThreadLocal<>();

                @Override
                public long send(Http ignored, int client, long seq) throws IOException {
                    try {
                        Connection c = connections.get();
                        if (c == null) {
                            c = DriverManager.getConnection(url);
                            c.setAutoCommit(false);
                            connections.set(c);
                            opened.add(c);
                        }
                        debit(c, wallet, "r" + wallet + "-" + client + "-" + seq, perTransaction, setBased);
                        return perTransaction;
                    }
                    catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (Connection c; (c = opened.poll()) != null; ) {
                try {
                    c.close();
                }
                catch (SQLException ignored) {
                    // closing after the run, nothing to keep
                }
            }
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = timedOut(s).executeQuery("SELECT (SELECT balance FROM bench_wallet WHERE id = " + wallet + "), "
                         + "(SELECT COALESCE(SUM(amount), 0) FROM bench_entry WHERE wallet_id = " + wallet + "), "
                         + "(SELECT count(*) FROM bench_entry WHERE wallet_id = " + wallet + ")")) {
                rs.next();
                long balance = rs.getLong(1);
                long sum = rs.getLong(2);
                long entries = rs.getLong(3);
                if (funded + sum != balance || entries != result.acceptedTotal()) {
                    System.err.printf("LEDGER CHECK FAILED after raw %d/tx: balance %d, funded + Σ entries %d, entries %d, accepted %d%n",
                            perTransaction, balance, funded + sum, entries, result.acceptedTotal());
                    System.exit(1);
                }
                System.out.printf(Locale.ROOT, "  check raw %d/tx: %,d accepted debits = entries, funded + Σ entries = balance: ok%n",
                        perTransaction, entries);
            }
            return result;
        }

        private static Statement timedOut(Statement statement) throws SQLException {
            statement.setQueryTimeout(60);
            return statement;
        }

        private static void debit(Connection c, int wallet, String id, int count, boolean setBased) throws SQLException {
            if (setBased) {
                debitSet(c, wallet, id, count);
                return;
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE bench_wallet SET balance = balance - ? WHERE id = ? AND balance >= ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO bench_entry (event_id, wallet_id, amount) VALUES (?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    update.setLong(1, EVENT_MICROS);
                    update.setInt(2, wallet);
                    update.setLong(3, EVENT_MICROS);
                    insert.setString(1, id + "-" + i);
                    insert.setInt(2, wallet);
                    insert.setLong(3, -EVENT_MICROS);
                    if (count == 1) {
                        if (update.executeUpdate() != 1) {
                            c.rollback();
                            throw new SQLException("would overdraw");
                        }
                        insert.executeUpdate();
                    }
                    else {
                        update.addBatch();
                        insert.addBatch();
                    }
                }
                if (count > 1) {
                    for (int updated : update.executeBatch()) {
                        if (updated != 1) {
                            c.rollback();
                            throw new SQLException("would overdraw");
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
        }

        /** The debits of a transaction as one conditional UPDATE of their sum and one set-based INSERT. */
        private static void debitSet(Connection c, int wallet, String id, int count) throws SQLException {
            try (PreparedStatement update = c.prepareStatement("UPDATE bench_wallet SET balance = balance - ? WHERE id = ? AND balance >= ?");
                 PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO bench_entry (event_id, wallet_id, amount)
                         SELECT e.id, ?, e.amount FROM unnest(?::text[], ?::bigint[]) AS e(id, amount)""")) {
                String[] ids = new String[count];
                Long[] amounts = new Long[count];
                for (int i = 0; i < count; i++) {
                    ids[i] = id + "-" + i;
                    amounts[i] = -EVENT_MICROS;
                }
                update.setLong(1, EVENT_MICROS * count);
                update.setInt(2, wallet);
                update.setLong(3, EVENT_MICROS * count);
                if (update.executeUpdate() != 1) {
                    c.rollback();
                    throw new SQLException("would overdraw");
                }
                insert.setInt(1, wallet);
                insert.setArray(2, c.createArrayOf("text", ids));
                insert.setArray(3, c.createArrayOf("bigint", amounts));
                if (insert.executeUpdate() != count) {
                    c.rollback();
                    throw new SQLException("entries not written");
                }
                c.commit();
            }
        }
    }

    // ---------------------------------------------------------------------------------- HTTP/1.1

    /**
     * A minimal HTTP/1.1 keep-alive client on one socket: the load generator shares the 2 cores with
     * the service, so it should cost as little CPU per request as it can. Reconnects when the server
     * closes (Tomcat does after 100 requests on a connection).
     */
    static final class Http implements Closeable {
        record Response(int status, String body) {
        }

        private final String host;
        private final int port;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private Socket socket;
        private OutputStream output;
        private InputStream input;

        Http(String base) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
            if (!host.equals("127.0.0.1")) {
                throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1");
            }
        }

        Response send(String method, String path, String bearer, String json) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout(60_000);
                output = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                input = socket.getInputStream();
                position = limit = 0;
            }
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port).append("\r\n");
            if (bearer != null) {
                head.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            if (json != null) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            output.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            output.write(body);
            output.flush();

            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closes = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] content;
            if (chunked) {
                var collected = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    collected.write(bytes(size));
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used here
                }
                content = collected.toByteArray();
            }
            else {
                content = contentLength < 0 ? new byte[0] : bytes((int) contentLength);
            }
            if (closes) {
                disconnect();
            }
            return new Response(status, new String(content, StandardCharsets.UTF_8));
        }

        private void fill() throws IOException {
            position = 0;
            limit = input.read(buffer);
            if (limit < 0) {
                limit = 0;
                throw new IOException("connection closed by the server");
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                if (position == limit) {
                    fill();
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) (b & 0xff));
            }
        }

        private byte[] bytes(int n) throws IOException {
            byte[] result = new byte[n];
            int done = 0;
            while (done < n) {
                if (position == limit) {
                    fill();
                }
                int take = Math.min(n - done, limit - position);
                System.arraycopy(buffer, position, result, done, take);
                position += take;
                done += take;
            }
            return result;
        }

        @Override
        public void close() {
            disconnect();
        }

        /** Drops the connection (after an error, or when the server closes it); the next request opens another. */
        void disconnect() {
            if (socket != null) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // closing a connection we no longer use
                }
                socket = null;
            }
        }
    }

    // ------------------------------------------------------------------------------- latencies, output

    /** Nanosecond samples of one thread; merged and sorted once for percentiles. */
    static final class Latencies {
        private long[] samples = new long[4096];
        private int size;

        void add(long nanos) {
            if (size == samples.length) {
                if (size >= 4_000_000) {
                    return;
                }
                samples = Arrays.copyOf(samples, size * 2);
            }
            samples[size++] = nanos;
        }

        static Latencies merge(Latencies... parts) {
            Latencies all = new Latencies();
            all.samples = new long[Math.max(1, Arrays.stream(parts).mapToInt(p -> p.size).sum())];
            for (Latencies part : parts) {
                System.arraycopy(part.samples, 0, all.samples, all.size, part.size);
                all.size += part.size;
            }
            Arrays.sort(all.samples, 0, all.size);
            return all;
        }

        double percentile(double p) {
            return size == 0 ? Double.NaN : samples[Math.min(size - 1, (int) Math.ceil(p * size) - 1 < 0 ? 0 : (int) Math.ceil(p * size) - 1)];
        }
    }

    void row(String scenario, String mode, int clients, Result result, String note) throws IOException {
        String line = String.join("\t", scenario, mode, Integer.toString(clients), String.format(Locale.ROOT, "%,.0f", result.eps()),
                fmt1(result.p50Millis()), fmt1(result.p99Millis()), String.format(Locale.ROOT, "%,d", result.requestsInWindow()),
                Long.toString(result.errors()), "ok", note);
        System.out.println("  " + line.replace('\t', '|'));
        Files.writeString(out.resolve("rows.tsv"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void put(String key, String value) throws IOException {
        Files.writeString(out.resolve("result.properties"), key + "=" + value.replace("\\", "\\\\") + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    void requireServiceToken() {
        if (serviceToken == null || serviceToken.length() < 32) {
            throw new IllegalStateException("GETPAIDX_SERVICE_TOKEN (the service token, >= 32 characters) is not set");
        }
    }

    int intOption(String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }

    double doubleOption(String name, double fallback) {
        return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
    }

    static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

}
