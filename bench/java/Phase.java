import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One wrk phase of bench/run, round by round: its warm-up, then each round with the CPU split and,
 * when asked for, the statements counted in it. Bench runs the rounds of the phases a target
 * compares in turn (liveness, ceiling, hot_group and many; batch and raw_batch), so that a ratio
 * compares rounds measured a minute apart at most; hot_naive's rounds run back to back.
 */
final class Phase {

    private final String name;
    private final Wrk.Load load;
    private final Connection stats;
    private final LedgerCheck.Tally tally;
    private final Wrk wrk;
    private final CpuShare cpu;
    private final int connections;
    private final List<Round> rounds = new ArrayList<>();
    private final List<RoundTrips.Window> windows = new ArrayList<>();
    private final List<CpuShare.Split> splits = new ArrayList<>();

    Phase(String name, Wrk.Load load, Connection stats, LedgerCheck.Tally tally, Wrk wrk, CpuShare cpu, int connections) {
        this.name = name;
        this.load = load;
        this.stats = stats;
        this.tally = tally;
        this.wrk = wrk;
        this.cpu = cpu;
        this.connections = connections;
    }

    String name() {
        return name;
    }

    private String unit() {
        return load.charges() ? "events/s" : "requests/s";
    }

    void warmUp(int seconds) throws Exception {
        Round warmup = wrk.run(load, connections, seconds);
        tally.add(warmup);
        System.out.println("   warm-up  " + warmup.describe(unit()));
    }

    Round round(int seconds) throws Exception {
        RoundTrips.Snapshot before = stats == null ? null : settledSnapshot(stats);
        CpuShare.Snapshot cpuBefore = cpu.take();
        Round round = wrk.run(load, connections, seconds);
        CpuShare.Split split = CpuShare.between(cpuBefore, cpu.take(), load.charges() ? round.acked() : round.requests());
        tally.add(round);
        rounds.add(round);
        splits.add(split);
        System.out.println("   round " + rounds.size() + "  " + round.describe(unit()));
        System.out.println("            " + split.describe(load.charges() ? "event" : "request"));
        if (stats != null) {
            RoundTrips.Window window = RoundTrips.between(before, settledSnapshot(stats));
            windows.add(window);
            System.out.println("            " + window.describe());
        }
        return round;
    }

    List<Round> rounds() {
        return rounds;
    }

    List<RoundTrips.Window> windows() {
        return windows;
    }

    CpuShare.Split medianSplit() {
        return CpuShare.Split.median(splits);
    }

    /**
     * Once the service has finished the requests wrk cut off (no statement for half a second, at
     * most 15 s), and its backends, idle, have flushed their transaction counts (within a second).
     */
    private static RoundTrips.Snapshot settledSnapshot(Connection stats) throws Exception {
        RoundTrips.Snapshot last = RoundTrips.snapshot(stats);
        for (int i = 0; i < 30; i++) {
            Thread.sleep(500);
            RoundTrips.Snapshot next = RoundTrips.snapshot(stats);
            boolean quiet = RoundTrips.between(last, next).statements() == 0;
            last = next;
            if (quiet) {
                break;
            }
        }
        Thread.sleep(1_200);
        return RoundTrips.snapshot(stats);
    }
}
