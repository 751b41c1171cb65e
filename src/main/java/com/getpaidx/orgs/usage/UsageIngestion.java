package com.getpaidx.orgs.usage;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.usage.internal.GroupCommitter;
import com.getpaidx.orgs.usage.internal.Pending;
import com.getpaidx.orgs.usage.internal.UsageCharges;
import com.getpaidx.orgs.usage.internal.UsageDrain;
import com.getpaidx.orgs.usage.internal.UsageMetrics;

import static com.getpaidx.orgs.usage.internal.BatchCharger.Commit.DURABLE;

/**
 * Charges metered usage to the organization a workspace bills. A request is validated and
 * fingerprinted here and touches no table: the workspace's binding is read in the charging
 * transaction. Single events are group-committed (see {@link GroupCommitter}) unless
 * {@code getpaidx.usage.group-commit=false}; so are batch requests, whole: a batch request's events
 * commit together, with other requests' events when they fit under the batch limit.
 */
@Service
public class UsageIngestion {

    private final UsageCharges charges;
    private final GroupCommitter groupCommit;
    private final UsageProperties properties;
    private final UsageMetrics metrics;
    private final UsageDrain drain;

    UsageIngestion(UsageCharges charges, GroupCommitter groupCommit, UsageProperties properties, UsageMetrics metrics,
            UsageDrain drain) {
        this.metrics = metrics;
        this.drain = drain;
        this.charges = charges;
        this.groupCommit = groupCommit;
        this.properties = properties;
    }

    /** One event; a refusal is thrown as its problem, a replay comes back as {@code duplicate}. */
    public UsageOutcome report(UsageReport report) {
        UsageOutcome outcome = charged(List.of(Pending.of(admitted(report)))).getFirst();
        if (outcome.status() == UsageOutcome.Status.REJECTED) {
            throw WorkspaceManagement.refusal(outcome.code());
        }
        return outcome;
    }

    /** Many events, each judged on its own; the outcomes come back in the order of the reports. */
    public List<UsageOutcome> reportAll(List<UsageReport> reports) {
        drain.admit(metrics, reports.size());
        UsageOutcome[] outcomes = new UsageOutcome[reports.size()];
        List<Pending> valid = new ArrayList<>(reports.size());
        List<Integer> positions = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            try {
                valid.add(Pending.of(reports.get(i).validated()));
                positions.add(i);
            }
            catch (DomainException e) {
                outcomes[i] = UsageOutcome.rejected(reports.get(i), e.code(), null);
                metrics.refused(e.code());
            }
        }
        if (!valid.isEmpty()) {
            List<UsageOutcome> charged = charged(valid);
            for (int k = 0; k < charged.size(); k++) {
                outcomes[positions.get(k)] = charged.get(k);
            }
        }
        return List.of(outcomes);
    }

    /**
     * The events' outcomes, each counted. A charge that ends in a problem for all of its events (503
     * {@code usage_timeout} after its wait, {@code outcome_unknown}) counts each event under that code: the
     * refusals an operator alerts on.
     */
    private List<UsageOutcome> charged(List<Pending> events) {
        List<UsageOutcome> outcomes;
        try {
            outcomes = properties.groupCommit() ? groupCommit.chargeAll(events) : charges.charge(events, DURABLE);
        }
        catch (DomainException e) {
            metrics.refused(e.code(), events.size());
            throw e;
        }
        outcomes.forEach(metrics::count);
        return outcomes;
    }

    /** The report, valid, while the service takes usage; a refusal at the door is counted like a charge's. */
    private UsageReport admitted(UsageReport report) {
        drain.admit(metrics, 1);
        try {
            return report.validated();
        }
        catch (DomainException e) {
            metrics.refused(e.code());
            throw e;
        }
    }
}
