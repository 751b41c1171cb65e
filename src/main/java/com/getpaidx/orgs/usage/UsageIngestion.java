package com.getpaidx.orgs.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.internal.ChargeRules;
import com.getpaidx.orgs.usage.internal.JdbcSpendPolicyRepository;
import com.getpaidx.orgs.usage.internal.JdbcUsageRepository;
import com.getpaidx.orgs.usage.internal.JdbcUsageRepository.KeyedCharge;
import com.getpaidx.orgs.usage.internal.JdbcWorkspaceRepository;
import com.getpaidx.orgs.usage.internal.LowBalanceAlert;
import com.getpaidx.orgs.wallet.WalletManagement;

/**
 * Charges metered usage to the organization a workspace bills. Events are grouped by org; each group
 * is one transaction that locks the wallet once, reads the policy, roles and month-to-date once, judges
 * every event in order (a refused event refuses only itself), and writes the accepted ones. A request
 * is answered only after its transaction committed.
 */
@Service
public class UsageIngestion {

    private static final Logger log = LoggerFactory.getLogger(UsageIngestion.class);

    private final JdbcUsageRepository usage;
    private final JdbcWorkspaceRepository workspaces;
    private final JdbcSpendPolicyRepository policies;
    private final Authorizer authorizer;
    private final OrganizationManagement organizations;
    private final WalletManagement wallets;
    private final LowBalanceAlert lowBalance;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UsageIngestion(JdbcUsageRepository usage, JdbcWorkspaceRepository workspaces, JdbcSpendPolicyRepository policies,
            Authorizer authorizer, OrganizationManagement organizations, WalletManagement wallets,
            LowBalanceAlert lowBalance, TransactionTemplate transactions, Clock clock) {
        this.usage = usage;
        this.workspaces = workspaces;
        this.policies = policies;
        this.authorizer = authorizer;
        this.organizations = organizations;
        this.wallets = wallets;
        this.lowBalance = lowBalance;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One event; a refusal is thrown as its problem, a replay comes back as {@code duplicate}. */
    public UsageOutcome report(UsageReport report) {
        UsageOutcome outcome = charge(List.of(report.validated())).getFirst();
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
        List<UsageOutcome> charged = charge(valid);
        for (int i = 0; i < charged.size(); i++) {
            outcomes[positions.get(i)] = charged.get(i);
        }
        return Arrays.asList(outcomes);
    }

    private record Pending(int index, UsageReport report, Workspace workspace, byte[] fingerprint) {
    }

    private List<UsageOutcome> charge(List<UsageReport> reports) {
        UsageOutcome[] outcomes = new UsageOutcome[reports.size()];
        Map<String, Workspace> known = workspaces.findAll(reports.stream().map(UsageReport::workspaceId).distinct().toList());
        Map<OrgId, List<Pending>> byOrg = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (int i = 0; i < reports.size(); i++) {
            UsageReport report = reports.get(i);
            Workspace workspace = known.get(report.workspaceId());
            Pending pending = new Pending(i, report, workspace, report.fingerprint());
            if (workspace == null || workspace.target() != BillingTarget.ORG) {
                // a replay stays a replay even if the workspace was re-bound since
                outcomes[i] = replayOrRefuse(pending, workspace == null ? "workspace_not_found" : "not_org_billed");
            }
            else {
                byOrg.computeIfAbsent(workspace.billingOrg(), org -> new ArrayList<>()).add(pending);
            }
        }
        byOrg.forEach((org, group) -> transactions.executeWithoutResult(tx -> chargeGroup(org, group, outcomes)));
        return Arrays.asList(outcomes);
    }

    private UsageOutcome replayOrRefuse(Pending pending, String code) {
        return usage.findKey(pending.report().eventId())
                .map(key -> replay(pending, key))
                .orElseGet(() -> UsageOutcome.rejected(pending.report(), code, null));
    }

    private static UsageOutcome replay(Pending pending, KeyedCharge key) {
        return Arrays.equals(key.requestHash(), pending.fingerprint())
                ? UsageOutcome.duplicate(pending.report(), key.orgId(), new Credits(key.balanceAfter()))
                : UsageOutcome.rejected(pending.report(), "idempotency_conflict", key.orgId());
    }

    /** One org's events, in one transaction holding its wallet's lock. */
    private void chargeGroup(OrgId org, List<Pending> group, UsageOutcome[] outcomes) {
        boolean active = organizations.isActiveLocked(org);
        Credits start = wallets.lockForCharges(org);
        Credits balance = start;
        SpendPolicy policy = policies.find(org);
        Instant now = clock.instant();
        LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        Map<UserId, Optional<Role>> roles = new HashMap<>();
        Map<UserId, Long> monthToDate = new HashMap<>();
        Map<String, KeyedCharge> keys = new LinkedHashMap<>(usage.findKeys(group.stream().map(p -> p.report().eventId()).toList()));

        for (Pending pending : group) {
            UsageReport report = pending.report();
            KeyedCharge earlier = keys.get(report.eventId());
            if (earlier != null) {
                outcomes[pending.index()] = replay(pending, earlier);
                continue;
            }
            UserId payer = pending.workspace().owner();
            var context = new ChargeRules.Context(active, policy, payer,
                    roles.computeIfAbsent(payer, user -> authorizer.roleOf(org, user)),
                    monthToDate.computeIfAbsent(payer, user -> usage.monthToDate(org, user, month)), balance.micros());
            Optional<String> refusal = ChargeRules.refusal(context, report.credits().micros());
            if (refusal.isPresent()) {
                outcomes[pending.index()] = UsageOutcome.rejected(report, refusal.get(), org);
                continue;
            }
            Credits after = balance.minus(report.credits());
            if (!usage.insertKey(report.eventId(), org, pending.fingerprint(), after.micros(), now)) {
                // charged meanwhile through another org's wallet: the key table has the last word
                KeyedCharge other = usage.findKey(report.eventId()).orElseThrow();
                outcomes[pending.index()] = replay(pending, other);
                continue;
            }
            balance = wallets.chargeUsage(org, report.credits(), "usage:" + report.eventId(), "usage:" + report.eventId());
            usage.insertEvent(org, new RecordedUsage(report.eventId(), report.workspaceId(), report.userId(), payer,
                    report.credits(), report.kind(), report.model(), report.occurredAt(), now));
            usage.addToMonth(org, payer, month, report.credits().micros());
            monthToDate.merge(payer, report.credits().micros(), Long::sum);
            keys.put(report.eventId(), new KeyedCharge(report.eventId(), org, pending.fingerprint(), balance.micros()));
            outcomes[pending.index()] = UsageOutcome.accepted(report, org, balance);
        }
        lowBalance.check(org, policy.lowBalanceThreshold(), start, balance);
        if (!balance.equals(start)) {
            log.debug("Org {} charged {} credits for {} events", org, start.minus(balance), group.size());
        }
    }
}
