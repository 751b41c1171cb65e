package com.getpaidx.orgs.usage.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.shared.GracefulWorker;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.Crossing;

/**
 * Sends the low-balance alerts that charges left in {@code usage_low_balance}: on a thread of its own as
 * soon as the charge is on disk ({@link #sendSoon()}, so the usage lane never waits for an alert's
 * transaction), and, for any that a crash or a shutdown left behind, on a sweep. Each alert (its mails and
 * audit event) is written in the transaction that removes its row, so it goes out once. At shutdown it
 * stops between pages, after the web server.
 */
@Component
class DueAlerts extends GracefulWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DueAlerts.class);
    private static final int PAGE = 100;

    private final JdbcChargeRepository repository;
    private final LowBalanceAlert lowBalance;
    private final TransactionTemplate transactions;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("usage-alerts").factory());
    /** A send is queued and has not begun reading the due alerts yet: it will see a crossing committed now. */
    private final AtomicBoolean queued = new AtomicBoolean();

    DueAlerts(JdbcChargeRepository repository, LowBalanceAlert lowBalance, TransactionTemplate transactions) {
        this.repository = repository;
        this.lowBalance = lowBalance;
        this.transactions = transactions;
    }

    /**
     * A charge that crossed a threshold is on disk: its alert goes out on the alerts' thread, moments from now.
     * Never throws (the charge is committed): once the context is closing, the row waits for the next sweep.
     */
    void sendSoon() {
        if (queued.compareAndSet(false, true)) {
            try {
                sender.execute(() -> {
                    queued.set(false);
                    send();
                });
            }
            catch (RejectedExecutionException e) {
                queued.set(false);
                log.info("Closing: a low-balance alert waits in usage_low_balance for the next start's sweep");
            }
        }
    }

    @Scheduled(fixedDelayString = "${getpaidx.usage.alert-sweep-interval:60s}")
    void sweep() {
        send();
    }

    /** Never throws: the charges are committed whatever happens here, and the sweep tries again. */
    void send() {
        if (!enter()) {
            return;
        }
        try {
            int sent;
            do {
                sent = transactions.execute(tx -> {
                    List<Crossing> due = repository.takeDueAlerts(PAGE);
                    due.forEach(c -> lowBalance.check(c.org(), c.threshold(), c.before(), c.after()));
                    return due.size();
                });
            }
            while (sent == PAGE && open());
        }
        catch (RuntimeException e) {
            log.warn("Sending low-balance alerts failed ({}); the sweep tries again", e.toString());
        }
        finally {
            leave();
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
