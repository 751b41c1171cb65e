package com.getpaidx.orgs.usage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.internal.GroupCommitter;
import com.getpaidx.orgs.usage.internal.JdbcUsageRepository;
import com.getpaidx.orgs.usage.internal.JdbcWorkspaceRepository;
import com.getpaidx.orgs.usage.internal.OrgCharges;
import com.getpaidx.orgs.usage.internal.Pending;

/**
 * Charges metered usage to the organization a workspace bills. Single events for one org are
 * group-committed (see {@link GroupCommitter}) unless {@code getpaidx.usage.group-commit=false};
 * batches are grouped by org, one set-based transaction each ({@link OrgCharges}).
 */
@Service
public class UsageIngestion {

    private final JdbcUsageRepository usage;
    private final JdbcWorkspaceRepository workspaces;
    private final OrgCharges charges;
    private final GroupCommitter groupCommit;
    private final UsageProperties properties;

    UsageIngestion(JdbcUsageRepository usage, JdbcWorkspaceRepository workspaces, OrgCharges charges,
            GroupCommitter groupCommit, UsageProperties properties) {
        this.usage = usage;
        this.workspaces = workspaces;
        this.charges = charges;
        this.groupCommit = groupCommit;
        this.properties = properties;
    }

    /** One event; a refusal is thrown as its problem, a replay comes back as {@code duplicate}. */
    public UsageOutcome report(UsageReport report) {
        UsageReport valid = report.validated();
        Workspace workspace = workspaces.find(valid.workspaceId()).orElse(null);
        Pending event = Pending.of(valid, workspace);
        UsageOutcome outcome;
        if (workspace == null || workspace.target() != BillingTarget.ORG) {
            outcome = replayOrRefuse(event, workspace == null ? "workspace_not_found" : "not_org_billed");
        }
        else if (properties.groupCommit()) {
            outcome = groupCommit.charge(workspace.billingOrg(), event);
        }
        else {
            outcome = charges.charge(workspace.billingOrg(), List.of(event)).getFirst();
        }
        if (outcome.status() == UsageOutcome.Status.REJECTED) {
            throw WorkspaceManagement.refusal(outcome.code());
        }
        return outcome;
    }

    /** Many events, each judged on its own; the outcomes come back in the order of the reports. */
    public List<UsageOutcome> reportAll(List<UsageReport> reports) {
        UsageOutcome[] outcomes = new UsageOutcome[reports.size()];
        List<UsageReport> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            try {
                valid.add(reports.get(i).validated());
                positions.add(i);
            }
            catch (DomainException e) {
                outcomes[i] = UsageOutcome.rejected(reports.get(i), e.code(), null);
            }
        }
        Map<String, Workspace> known = workspaces.findAll(valid.stream().map(UsageReport::workspaceId).distinct().toList());
        Map<OrgId, List<Integer>> byOrg = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        List<Pending> pending = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            Workspace workspace = known.get(valid.get(i).workspaceId());
            Pending event = Pending.of(valid.get(i), workspace);
            pending.add(event);
            if (workspace == null || workspace.target() != BillingTarget.ORG) {
                // a replay stays a replay even if the workspace was re-bound since
                outcomes[positions.get(i)] = replayOrRefuse(event,
                        workspace == null ? "workspace_not_found" : "not_org_billed");
            }
            else {
                byOrg.computeIfAbsent(workspace.billingOrg(), org -> new ArrayList<>()).add(i);
            }
        }
        byOrg.forEach((org, indexes) -> {
            List<UsageOutcome> charged = charges.charge(org, indexes.stream().map(pending::get).toList());
            for (int k = 0; k < indexes.size(); k++) {
                outcomes[positions.get(indexes.get(k))] = charged.get(k);
            }
        });
        return Arrays.asList(outcomes);
    }

    private UsageOutcome replayOrRefuse(Pending event, String code) {
        return usage.findKey(event.report().eventId())
                .map(key -> OrgCharges.replay(event, key))
                .orElseGet(() -> UsageOutcome.rejected(event.report(), code, null));
    }
}
