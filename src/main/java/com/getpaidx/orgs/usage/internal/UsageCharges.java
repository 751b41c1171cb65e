package com.getpaidx.orgs.usage.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.shared.LogContext;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageReport;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.Charged;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.EventRow;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.KeyTakenMeanwhile;

/**
 * Charges a batch of usage events, for any number of orgs, in one transaction of three statements
 * (BEGIN, one call of {@code usage_charge}, COMMIT): bindings, wallet locks, rules, keys, ledger
 * entries, usage rows and month counters all happen in that one call. Only a batch that takes a
 * wallet below its alert threshold does more, in the same transaction: the alert's mail and audit.
 */
@Component
public class UsageCharges implements BatchCharger {

    private static final Logger log = LoggerFactory.getLogger(UsageCharges.class);

    private final JdbcChargeRepository repository;
    private final LowBalanceAlert lowBalance;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final UsageMetrics metrics;

    UsageCharges(JdbcChargeRepository repository, LowBalanceAlert lowBalance, TransactionTemplate transactions,
            Clock clock, UsageMetrics metrics) {
        this.metrics = metrics;
        this.repository = repository;
        this.lowBalance = lowBalance;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The outcome of each event, in order. Should the batch's transaction fail, each event is tried
     * again in a transaction of its own, so one bad event cannot take the others' charges down; an
     * event that fails alone is answered {@code internal_error}, with nothing of it written.
     */
    @Override
    public List<UsageOutcome> charge(List<Pending> events) {
        try {
            return metrics.commit(events.size(), () -> chargeTogether(events));
        }
        catch (RuntimeException e) {
            if (events.size() == 1) {
                try (var context = LogContext.with(LogContext.EVENT_ID, events.getFirst().report().eventId())) {
                    log.error("Charging usage event {} failed", events.getFirst().report().eventId(), e);
                }
                return List.of(UsageOutcome.rejected(events.getFirst().report(), "internal_error", null));
            }
            log.warn("Charging {} usage events together failed ({}); charging them one by one", events.size(), e.toString());
            List<UsageOutcome> outcomes = new ArrayList<>(events.size());
            for (Pending event : events) {
                outcomes.add(charge(List.of(event)).getFirst());
            }
            return outcomes;
        }
    }

    private List<UsageOutcome> chargeTogether(List<Pending> events) {
        try {
            return transactions.execute(tx -> chargeInTransaction(events));
        }
        catch (KeyTakenMeanwhile e) {
            // another instance charged one of these eventIds through another wallet: now it is a replay
            return transactions.execute(tx -> chargeInTransaction(events));
        }
    }

    private List<UsageOutcome> chargeInTransaction(List<Pending> events) {
        Charged charged = repository.charge(events, clock.instant());
        charged.crossings().forEach(c -> lowBalance.check(c.org(), c.threshold(), c.before(), c.after()));
        List<UsageOutcome> outcomes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            outcomes.add(outcome(events.get(i).report(), charged.events().get(i)));
        }
        return outcomes;
    }

    private static UsageOutcome outcome(UsageReport report, EventRow row) {
        return switch (row.outcome()) {
            case "accepted" -> UsageOutcome.accepted(report, row.org(), row.balanceAfter());
            case "duplicate" -> UsageOutcome.duplicate(report, row.org(), row.balanceAfter());
            case "rejected" -> UsageOutcome.rejected(report, row.refusal(), row.org());
            default -> throw new IllegalStateException("usage_charge answered " + row.outcome());
        };
    }
}
