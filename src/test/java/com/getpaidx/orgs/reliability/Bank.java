package com.getpaidx.orgs.reliability;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bank test: {@code actors} concurrent clients over {@code orgs} orgs until {@code operations} operations
 * are done (a usage event in a batch counts as one) or {@code limit} has passed, checking the invariants at a
 * checkpoint every {@code checkpoint} and once more after the unknown outcomes were resent. Its last word is the
 * {@code RESULT ops=… violations=… acked=… lost=…} line.
 *
 * @param clients one per service instance; the actors take turns among them
 */
record Bank(List<Client> clients, Callable<Connection> database, int orgs, int actors, long operations, Duration limit,
        Duration checkpoint) {

    record Outcome(BankBook book, List<String> violations, long lost, Duration took, int checkpoints) {

        String result() {
            return String.format(Locale.ROOT, "RESULT ops=%d violations=%d acked=%d lost=%d refused=%d checkpoints=%d seconds=%d %s",
                    book.operations.get(), violations.size(), book.acked.size(), lost, book.refused.size(), checkpoints,
                    took.toSeconds(), new java.util.TreeMap<>(book.refusals));
        }
    }

    /** Sizes from system properties {@code bank.*}, defaults for the CI run. */
    static Bank fromProperties(List<Client> clients, Callable<Connection> database) {
        return new Bank(clients, database, Integer.getInteger("bank.orgs", 12), Integer.getInteger("bank.actors", 8),
                Long.getLong("bank.operations", 20_000), Duration.ofSeconds(Long.getLong("bank.seconds", 60)),
                Duration.ofSeconds(Long.getLong("bank.checkpoint", 10)));
    }

    Outcome run() throws Exception {
        long started = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis(), 36);
        BankBook book = new BankBook();
        List<BankOrg> world = new ArrayList<>();
        try (ExecutorService setUp = Executors.newFixedThreadPool(6)) {
            List<Future<BankOrg>> created = new ArrayList<>();
            for (int i = 0; i < orgs; i++) {
                int index = i;
                created.add(setUp.submit(() -> BankOrg.create(clients.get(index % clients.size()), run, index, 3, index % 2 == 0)));
            }
            for (Future<BankOrg> org : created) {
                world.add(org.get());
            }
        }
        world.stream().filter(org -> org.capped).forEach(org -> book.cappedOrgs.add(org.id.toString()));
        List<UUID> ids = world.stream().map(org -> org.id).toList();
        System.out.printf(Locale.ROOT, "bank: %d orgs set up in %.1f s; %d actors on %d instance(s)%n", orgs,
                (System.nanoTime() - started) / 1e9, actors, clients.size());

        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + limit.toNanos();
        Client impatient = clients.getFirst().withTimeout(BankActor.hasteTimeout());
        ExecutorService pool = Executors.newFixedThreadPool(actors);
        List<Future<?>> running = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            BankActor actor = new BankActor(clients, impatient, world, book, 50);
            running.add(pool.submit(() -> {
                while (!stop.get() && book.operations.get() < operations && System.nanoTime() < deadline) {
                    actor.step();
                    if (book.unknown.size() > 100) {
                        actor.resendUnknown(100);
                    }
                }
                return null;
            }));
        }
        int checkpoints = 0;
        List<String> violations = new ArrayList<>();
        try (Connection db = database.call()) {
            while (running.stream().anyMatch(f -> !f.isDone())) {
                awaitAny(running, checkpoint);
                if (running.stream().anyMatch(f -> !f.isDone())) {
                    violations.addAll(BankInvariants.check(db, ids, book, false).violations());
                    checkpoints++;
                    System.out.printf(Locale.ROOT, "bank: checkpoint %d at %d ops, %d acked, %d violations%n", checkpoints,
                            book.operations.get(), book.acked.size(), violations.size() + book.violations.size());
                }
            }
            for (Future<?> actor : running) {
                actor.get();
            }
            pool.shutdown();
            BankActor closing = new BankActor(clients, impatient, world, book, 50);
            for (int i = 0; i < 20 && !closing.resendUnknown(Integer.MAX_VALUE); i++) {
                System.out.printf(Locale.ROOT, "bank: %d outcomes unknown, resending%n", book.unknown.size());
            }
            if (!book.unknown.isEmpty()) {
                violations.add(book.unknown.size() + " usage events never got an answer");
            }
            BankInvariants.Report last = BankInvariants.check(db, ids, book, true);
            violations.addAll(last.violations());
            violations.addAll(book.violationList());
            return new Outcome(book, violations, last.lost(), Duration.ofNanos(System.nanoTime() - started), checkpoints + 1);
        }
        finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitAny(List<Future<?>> running, Duration patience) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until && running.stream().anyMatch(f -> !f.isDone())) {
            for (Future<?> f : running) {
                try {
                    f.get(Math.max(1, (until - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                }
                catch (java.util.concurrent.TimeoutException e) {
                    break;
                }
                catch (java.util.concurrent.ExecutionException e) {
                    return; // the caller's get() reports it
                }
            }
        }
    }
}
