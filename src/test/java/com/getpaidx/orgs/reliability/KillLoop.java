package com.getpaidx.orgs.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.getpaidx.orgs.support.ServiceProcess;

import static org.awaitility.Awaitility.await;

/**
 * The kill loop: usage load on a durable service started as a process; each round waits for fresh
 * acknowledgements, then either kills the service with SIGKILL or stops its embedded PostgreSQL the way
 * {@code pg_ctl stop -m immediate} does (SIGQUIT to the postmaster), and starts the service again on the same data directory (which must stop
 * the PostgreSQL a killed service left behind by itself). After each restart what got no answer is resent
 * with the same body, and the invariants are checked: every acknowledged write present, none charged twice.
 */
final class KillLoop {

    static final String TOKEN = "kill-loop-service-token-" + UUID.randomUUID();
    static final String[] SETTINGS = { "--getpaidx.embedded-database.durable=true" };

    record Outcome(int rounds, BankBook book, List<String> violations, long lost, int orphansStopped, Duration took) {

        String result() {
            return String.format(Locale.ROOT, "RESULT rounds=%d acked=%d lost=%d violations=%d refused=%d orphans_stopped=%d seconds=%d",
                    rounds, book.acked.size(), lost, violations.size(), book.refused.size(), orphansStopped, took.toSeconds());
        }
    }

    private final int kills;
    private final int databaseStops;
    private final int actors;
    private final BankBook book = new BankBook();
    private final List<String> violations = new ArrayList<>();
    private int orphansStopped;

    KillLoop(int kills, int databaseStops, int actors) {
        this.kills = kills;
        this.databaseStops = databaseStops;
        this.actors = actors;
    }

    Outcome run() throws Exception {
        long started = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(TOKEN, SETTINGS);
        try {
            Client client = client(service);
            List<BankOrg> orgs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                orgs.add(BankOrg.create(client, "kill", i, 2, false));
                orgs.getLast().topUp(client, "team");
            }
            List<UUID> ids = orgs.stream().map(org -> org.id).toList();
            int rounds = kills + databaseStops;
            for (int round = 1; round <= rounds; round++) {
                boolean database = round > kills;
                service = round(service, orgs, database);
                Client fresh = client(service);
                new BankActor(List.of(fresh), fresh, orgs, book, 50).resendUnknown(Integer.MAX_VALUE);
                check(service, ids, false);
                System.out.printf(Locale.ROOT, "kill loop: round %d (%s) done, %d acked, %d unknown, %d violations%n", round,
                        database ? "immediate PostgreSQL stop" : "kill -9", book.acked.size(), book.unknown.size(),
                        violations.size() + book.violations.size());
            }
            if (!book.unknown.isEmpty()) {
                violations.add(book.unknown.size() + " events still without an answer after the last restart");
            }
            long lost = check(service, ids, true);
            violations.addAll(book.violationList());
            return new Outcome(rounds, book, violations, lost, orphansStopped, Duration.ofNanos(System.nanoTime() - started));
        }
        finally {
            service.close();
        }
    }

    /** Load until 200 fresh acknowledgements, the blow, then a restart on the same data. */
    private ServiceProcess round(ServiceProcess service, List<BankOrg> orgs, boolean database) throws Exception {
        Client client = client(service);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            BankActor actor = new BankActor(List.of(client), client.withTimeout(BankActor.hasteTimeout()), orgs, book, 50);
            load.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    actor.usageStep();
                }
            }));
        }
        int before = book.acked.size();
        await().atMost(Duration.ofSeconds(120)).until(() -> book.acked.size() >= before + 200);
        if (database) {
            stopDatabaseImmediately(service.dataDirectory());
            int refusedBefore = book.unknown.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> book.unknown.size() > refusedBefore);
        }
        service.kill();
        stop.set(true);
        for (Thread thread : load) {
            thread.join(Duration.ofSeconds(60));
        }
        ServiceProcess restarted = service.restart(TOKEN, SETTINGS);
        if (restarted.stdout().stream().anyMatch(line -> line.contains("left running in"))) {
            orphansStopped++;
        }
        else if (!database) {
            violations.add("the restart after kill -9 did not report stopping the orphaned PostgreSQL");
        }
        return restarted;
    }

    /**
     * An immediate stop of the embedded PostgreSQL: {@code pg_ctl stop -m immediate} does nothing but send the
     * postmaster SIGQUIT and wait; that is done here directly, as pg_ctl refuses to run as root (the user of
     * some CI containers). No checkpoint, no clean shutdown: the next start recovers from the WAL.
     */
    static void stopDatabaseImmediately(Path data) throws IOException, InterruptedException {
        long pid = Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postgres process " + pid));
        Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
        if (!quit.waitFor(10, TimeUnit.SECONDS) || quit.exitValue() != 0) {
            throw new IllegalStateException("kill -QUIT failed: " + new String(quit.getInputStream().readAllBytes()));
        }
        postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }

    private long check(ServiceProcess service, List<UUID> ids, boolean complete) throws Exception {
        try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", service.databasePassword())) {
            BankInvariants.Report report = BankInvariants.check(db, ids, book, complete);
            violations.addAll(report.violations());
            return report.lost();
        }
    }

    static Client client(ServiceProcess service) {
        return new Client(service.baseUrl(), TOKEN, Duration.ofSeconds(20));
    }
}
