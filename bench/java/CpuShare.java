import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the CPU of a round went, read from /proc (Linux, clock ticks of 10 ms): the service's JVM,
 * the service's PostgreSQL (its postmaster, named by the data directory's postmaster.pid, and the
 * postmaster's children, living or reaped) and the rest of the machine's busy time (wrk, mostly), each per request or
 * event the round answered; and
 * the share of the machine that stayed idle. Two cores that are never idle are the limit; an idle
 * share says something else waits (a lock, a lane, the disk).
 */
final class CpuShare {

    private static final double MICROS_PER_TICK = 10_000;

    /** Cumulative ticks at one moment. */
    record Snapshot(long service, long postgres, long busy, long all) {
    }

    /** Microseconds a request (or event) of CPU, by whom, and the idle share of the machine. */
    record Split(double serviceMicros, double postgresMicros, double restMicros, double idlePercent) {

        String describe(String unit) {
            return String.format(Locale.ROOT, "cpu a %s: service %.0f µs, PostgreSQL %.0f µs, wrk and the rest %.0f µs; %.0f %% idle",
                    unit, serviceMicros, postgresMicros, restMicros, idlePercent);
        }

        static Split median(List<Split> splits) {
            return new Split(Round.median(splits.stream().map(Split::serviceMicros).toList()),
                    Round.median(splits.stream().map(Split::postgresMicros).toList()),
                    Round.median(splits.stream().map(Split::restMicros).toList()),
                    Round.median(splits.stream().map(Split::idlePercent).toList()));
        }
    }

    private final long servicePid;
    private final Path dataDirectory;

    /** {@code servicePid} 0: the service's share is not measured (it counts in the rest). */
    CpuShare(long servicePid, Path dataDirectory) {
        this.servicePid = servicePid;
        this.dataDirectory = dataDirectory;
    }

    Snapshot take() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < cpu.length; i++) {
            all += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle and iowait
        String postmaster = postmaster();
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                if (process.getFileName().toString().equals(postmaster)) {
                    postgres += ticks(stat) + reapedTicks(stat);
                }
                else if (stat[2].equals(postmaster)) {
                    postgres += ticks(stat);
                }
            }
        }
        String[] service = servicePid > 0 ? stat(Path.of("/proc", Long.toString(servicePid))) : null;
        return new Snapshot(service == null ? 0 : ticks(service), postgres, all - idle, all);
    }

    static Split between(Snapshot before, Snapshot after, long units) {
        double per = MICROS_PER_TICK / Math.max(1, units);
        long service = after.service() - before.service();
        long postgres = after.postgres() - before.postgres();
        long busy = after.busy() - before.busy();
        long all = Math.max(1, after.all() - before.all());
        return new Split(service * per, postgres * per, Math.max(0, busy - service - postgres) * per,
                100.0 * (all - busy) / all);
    }

    /** The postmaster's pid, from the first line of postmaster.pid; "" when there is none. */
    private String postmaster() {
        try {
            return Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim();
        }
        catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The command name, then the fields after it (state first); null once the process is gone. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 1];
            fields[0] = line.substring(open + 1, close);
            System.arraycopy(rest, 0, fields, 1, rest.length);
            return fields;
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * cutime + cstime (fields 16 and 17, 14 and 15 here): the CPU of children the process has reaped. A backend
     * that ends during a round leaves the list of children; its ticks go on counting here, so the sum never
     * drops.
     */
    private static long reapedTicks(String[] stat) {
        return Long.parseLong(stat[14]) + Long.parseLong(stat[15]);
    }

    /** utime + stime: fields 14 and 15 of /proc/PID/stat, 12 and 13 after the name here. */
    private static long ticks(String[] stat) {
        return Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
    }
}
