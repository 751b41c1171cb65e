package com.getpaidx.orgs.usage.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.shared.LogContext;
import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageNotTaken;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageReport;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.Charged;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.EventRow;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.KeyTakenMeanwhile;

/**
 * Charges a batch of usage events, for any number of orgs, in one statement that is its own
 * transaction (one call of {@code usage_charge}, autocommit): bindings, wallet locks, rules, keys,
 * ledger entries, usage rows, month counters and low-balance crossings all happen in that call. A
 * crossing's alert (mail and audit) is sent once the charge is on disk, on the alerts' own thread
 * ({@link DueAlerts#sendSoon()}), so neither the lane nor the flush waits for it.
 */
@Component
public class UsageCharges implements BatchCharger {

    private static final Logger log = LoggerFactory.getLogger(UsageCharges.class);

    private final JdbcChargeRepository repository;
    private final DueAlerts alerts;
    private final Clock clock;
    private final UsageMetrics metrics;
    /** A deferred charge crossed a threshold: its alert goes with the next flush. */
    private final AtomicBoolean alertsDue = new AtomicBoolean();

    UsageCharges(JdbcChargeRepository repository, DueAlerts alerts, Clock clock, UsageMetrics metrics) {
        this.metrics = metrics;
        this.repository = repository;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * The outcome of each event, in order. Should the batch's statement fail, each event is tried
     * again in a statement of its own, so one bad event cannot take the others' charges down; an
     * event that fails alone is answered {@code internal_error}, with nothing of it written. Should no
     * connection be had at all, no event is tried again: each is answered {@code usage_timeout} (503, nothing
     * written, retry with the same eventId), and the lane is not held for the pool's timeout once per event. Should the
     * connection break or the server go away during the statement, its commit may have landed: the
     * whole batch is {@link OutcomeUnknown} (503, retry with the same eventId), never "nothing written".
     */
    @Override
    public List<UsageOutcome> charge(List<Pending> events, Commit commit) {
        try {
            return metrics.commit(events.size(), () -> chargeTogether(events, commit));
        }
        catch (RuntimeException e) {
            if (ConnectionLost.mayHaveCommitted(e)) {
                log.warn("The connection failed while charging {} usage events ({}): their outcome is unknown", events.size(),
                        e.toString());
                throw new OutcomeUnknown();
            }
            if (ConnectionLost.neverConnected(e)) {
                log.warn("No database connection for {} usage events ({}): nothing of them was written", events.size(), e.toString());
                return events.stream().map(UsageCharges::notTaken).toList();
            }
            if (events.size() == 1) {
                try (var context = LogContext.with(LogContext.EVENT_ID, events.getFirst().report().eventId())) {
                    log.error("Charging usage event {} failed", events.getFirst().report().eventId(), e);
                }
                return List.of(UsageOutcome.rejected(events.getFirst().report(), "internal_error", null));
            }
            log.warn("Charging {} usage events together failed ({}); charging them one by one", events.size(), e.toString());
            List<UsageOutcome> outcomes = new ArrayList<>(events.size());
            boolean connected = true;
            for (Pending event : events) {
                // once no connection can be had, the rest are not tried: each would wait out the pool again
                UsageOutcome outcome = connected ? charge(List.of(event), commit).getFirst() : notTaken(event);
                connected = !UsageNotTaken.CODE.equals(outcome.code());
                outcomes.add(outcome);
            }
            return outcomes;
        }
    }

    private static UsageOutcome notTaken(Pending event) {
        return UsageOutcome.rejected(event.report(), UsageNotTaken.CODE, null);
    }

    @Override
    public void flush() {
        repository.flush();
        if (alertsDue.getAndSet(false)) {
            alerts.sendSoon();
        }
    }

    private List<UsageOutcome> chargeTogether(List<Pending> events, Commit commit) {
        Charged charged;
        try {
            charged = repository.charge(events, clock.instant(), commit);
        }
        catch (KeyTakenMeanwhile e) {
            // another instance charged one of these eventIds through another wallet: now it is a replay
            charged = repository.charge(events, clock.instant(), commit);
        }
        if (!charged.crossings().isEmpty()) {
            if (commit == Commit.DURABLE) {
                alerts.sendSoon();
            }
            else {
                alertsDue.set(true);
            }
        }
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
