import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The key=value arguments of a bench phase, and the durations of the two modes: {@code full}
 * (20 s warm-up, 3 rounds of 15 s, chart rounds of 10 s) and {@code quick} (3 s warm-up, 1 round
 * of 7 s, no chart), each overridable (warmup=, rounds=, seconds=, chartSeconds=).
 */
record Options(Map<String, String> values) {

    static Options parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not key=value: " + args[i]);
            }
            values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return new Options(Map.copyOf(values));
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + "= is required");
        }
        return value;
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    boolean quick() {
        return get("mode", "full").equals("quick");
    }

    /** http://127.0.0.1:port of the running service; anything else is refused. */
    String base() {
        String base = require("base");
        if (!base.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1, not " + base);
        }
        return base;
    }

    Path out() {
        return Path.of(require("out"));
    }

    int connections() {
        return integer("connections", 32);
    }

    int warmupSeconds() {
        return integer("warmup", quick() ? 3 : 20);
    }

    int rounds() {
        return integer("rounds", quick() ? 1 : 3);
    }

    int roundSeconds() {
        return integer("seconds", quick() ? 7 : 15);
    }

    /** 0 = no chart points (quick mode). */
    int chartSeconds() {
        return integer("chartSeconds", quick() ? 0 : 10);
    }

    int chartWarmupSeconds() {
        return integer("chartWarmup", 5);
    }

    /** Seconds of each kind of request (refused, charged, batch) before the first figure; 0 = none. */
    int serviceWarmupSeconds() {
        return integer("serviceWarmup", quick() ? 0 : 60);
    }

    int wallets() {
        return integer("wallets", 10_000);
    }

    int batchSize() {
        return integer("batchSize", 100);
    }
}
