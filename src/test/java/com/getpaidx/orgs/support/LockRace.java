package com.getpaidx.orgs.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change and a contender racing on the database's locks, in a fixed order: the change runs in its own
 * transaction and is held open, uncommitted, until the contender waits on a lock (or has finished, when it
 * takes none); then the change commits and the contender's answer is returned. So a contender that does not
 * wait for the change acts on what the change had not yet committed, and a test sees it.
 */
public final class LockRace {

    private final PlatformTransactionManager transactions;
    private final JdbcClient jdbc;

    public LockRace(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** The contender's result, or the {@link RuntimeException} it was refused with. */
    public Object contend(Runnable change, Supplier<?> contender) throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicInteger changer = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Void> changing = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        change.run();
                        changer.set(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single());
                        changed.countDown();
                        awaitQuietly(commit);
                    }), threads);
            assertThat(changed.await(30, TimeUnit.SECONDS)).as("the change ran").isTrue();
            CompletableFuture<Object> contending = CompletableFuture.supplyAsync(() -> {
                try {
                    return contender.get();
                }
                catch (RuntimeException refused) {
                    return refused;
                }
            }, threads);
            await().atMost(Duration.ofSeconds(30)).until(() -> contending.isDone() || blockedBy(changer.get()));
            commit.countDown();
            changing.get(30, TimeUnit.SECONDS);
            return contending.get(30, TimeUnit.SECONDS);
        }
    }

    /** Whether a session waits for a lock the change's transaction holds (other tests' waits do not count). */
    private boolean blockedBy(int backend) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE :backend = ANY (pg_blocking_pids(pid))")
                .param("backend", backend).query(Long.class).single() > 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
