import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The service's context switches, summed over its threads ({@code /proc/PID/task/*&#47;status}): voluntary
 * (a thread that parks or waits for the network) and involuntary (one the scheduler took the core from).
 * Threads that ended between two readings drop out of the sum, so a difference is a lower bound.
 */
record ContextSwitches(long voluntary, long involuntary) {

    static ContextSwitches of(long pid) throws IOException {
        long voluntary = 0;
        long involuntary = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            voluntary += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                        else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            involuntary += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                }
                catch (IOException ended) {
                    // the thread ended while the list was read
                }
            }
        }
        return new ContextSwitches(voluntary, involuntary);
    }

    ContextSwitches minus(ContextSwitches earlier) {
        return new ContextSwitches(voluntary - earlier.voluntary, involuntary - earlier.involuntary);
    }

    String describe(long units, String unit) {
        return String.format(Locale.ROOT, "context switches %s %s: %.2f voluntary, %.2f involuntary (the service's threads)",
                unit.startsWith("e") ? "an" : "a", unit, (double) voluntary / Math.max(1, units), (double) involuntary / Math.max(1, units));
    }
}
