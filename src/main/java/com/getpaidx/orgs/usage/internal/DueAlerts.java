package com.getpaidx.orgs.usage.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.Crossing;

/**
 * Sends the low-balance alerts that charges left in {@code usage_low_balance}: right after the
 * charge is on disk, and, for any a crash left behind, on a sweep. Each alert (its mails and audit
 * event) is written in the transaction that removes its row, so it goes out once.
 */
@Component
class DueAlerts {

    private static final Logger log = LoggerFactory.getLogger(DueAlerts.class);
    private static final int PAGE = 100;

    private final JdbcChargeRepository repository;
    private final LowBalanceAlert lowBalance;
    private final TransactionTemplate transactions;

    DueAlerts(JdbcChargeRepository repository, LowBalanceAlert lowBalance, TransactionTemplate transactions) {
        this.repository = repository;
        this.lowBalance = lowBalance;
        this.transactions = transactions;
    }

    /** Never throws: the charges are committed whatever happens here, and the sweep tries again. */
    void send() {
        try {
            int sent;
            do {
                sent = transactions.execute(tx -> {
                    List<Crossing> due = repository.takeDueAlerts(PAGE);
                    due.forEach(c -> lowBalance.check(c.org(), c.threshold(), c.before(), c.after()));
                    return due.size();
                });
            }
            while (sent == PAGE);
        }
        catch (RuntimeException e) {
            log.warn("Sending low-balance alerts failed ({}); the sweep tries again", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${getpaidx.usage.alert-sweep-interval:60s}")
    void sweep() {
        send();
    }
}
