package com.getpaidx.orgs.usage.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.RecordedUsage;
import com.getpaidx.orgs.usage.SpendPolicy;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageReport;
import com.getpaidx.orgs.usage.internal.JdbcUsageRepository.KeyedCharge;
import com.getpaidx.orgs.wallet.WalletManagement;
import com.getpaidx.orgs.wallet.WalletManagement.UsageDebit;

/**
 * Charges a set of events to one org in one transaction: the wallet row locked once, policy, roles
 * and month-to-date read once, every event judged in order against a running balance (a refused
 * event refuses only itself), then the accepted ones written set-based — keys, ledger entries, usage
 * rows and month counters, a statement each — and one balance update.
 */
@Component
public class OrgCharges {

    private static final Logger log = LoggerFactory.getLogger(OrgCharges.class);
    private static final HexFormat HEX = HexFormat.of();

    /** A key taken meanwhile through another org's wallet; the set is judged again with it known. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }

    private final JdbcUsageRepository usage;
    private final JdbcSpendPolicyRepository policies;
    private final Authorizer authorizer;
    private final OrganizationManagement organizations;
    private final WalletManagement wallets;
    private final LowBalanceAlert lowBalance;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrgCharges(JdbcUsageRepository usage, JdbcSpendPolicyRepository policies, Authorizer authorizer,
            OrganizationManagement organizations, WalletManagement wallets, LowBalanceAlert lowBalance,
            TransactionTemplate transactions, Clock clock) {
        this.usage = usage;
        this.policies = policies;
        this.authorizer = authorizer;
        this.organizations = organizations;
        this.wallets = wallets;
        this.lowBalance = lowBalance;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The outcome of each event, in order. Should the set's transaction fail, each event is tried
     * again in a transaction of its own, so one bad event cannot take the others' charges down; an
     * event that fails alone is answered {@code internal_error}, with nothing of it written.
     */
    public List<UsageOutcome> charge(OrgId org, List<Pending> events) {
        try {
            return chargeTogether(org, events);
        }
        catch (RuntimeException e) {
            if (events.size() == 1) {
                log.error("Charging usage event {} to org {} failed", events.getFirst().report().eventId(), org, e);
                return List.of(UsageOutcome.rejected(events.getFirst().report(), "internal_error", org));
            }
            log.warn("Charging {} usage events to org {} together failed ({}); charging them one by one", events.size(),
                    org, e.toString());
            List<UsageOutcome> outcomes = new ArrayList<>(events.size());
            for (Pending event : events) {
                outcomes.add(charge(org, List.of(event)).getFirst());
            }
            return outcomes;
        }
    }

    private List<UsageOutcome> chargeTogether(OrgId org, List<Pending> events) {
        try {
            return transactions.execute(tx -> judgeAndWrite(org, events));
        }
        catch (KeyTakenMeanwhile e) {
            return transactions.execute(tx -> judgeAndWrite(org, events));
        }
    }

    private List<UsageOutcome> judgeAndWrite(OrgId org, List<Pending> events) {
        boolean active = organizations.isActiveLocked(org);
        Credits start = wallets.lockForCharges(org);
        SpendPolicy policy = policies.find(org);
        Instant now = clock.instant();
        LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        List<UserId> payers = events.stream().map(e -> e.workspace().owner()).distinct().toList();
        Map<UserId, Role> roles = authorizer.rolesOf(org, payers);
        Map<UserId, Long> monthToDate = new HashMap<>(usage.monthToDates(org, payers, month));
        Map<String, KeyedCharge> keys = new LinkedHashMap<>(usage.findKeys(events.stream().map(e -> e.report().eventId()).toList()));

        UsageOutcome[] outcomes = new UsageOutcome[events.size()];
        List<Integer> accepted = new ArrayList<>();
        long balance = start.micros();
        for (int i = 0; i < events.size(); i++) {
            Pending event = events.get(i);
            UsageReport report = event.report();
            KeyedCharge earlier = keys.get(report.eventId());
            if (earlier != null) {
                outcomes[i] = replay(event, earlier);
                continue;
            }
            UserId payer = event.workspace().owner();
            long spent = monthToDate.getOrDefault(payer, 0L);
            var context = new ChargeRules.Context(active, policy, payer, Optional.ofNullable(roles.get(payer)), spent, balance);
            Optional<String> refusal = ChargeRules.refusal(context, report.credits().micros());
            if (refusal.isPresent()) {
                outcomes[i] = UsageOutcome.rejected(report, refusal.get(), org);
                continue;
            }
            balance -= report.credits().micros();
            monthToDate.put(payer, spent + report.credits().micros());
            keys.put(report.eventId(), new KeyedCharge(report.eventId(), org, event.fingerprint(), balance));
            outcomes[i] = UsageOutcome.accepted(report, org, new Credits(balance));
            accepted.add(i);
        }
        if (!accepted.isEmpty()) {
            write(org, events, outcomes, accepted, month, now);
        }
        lowBalance.check(org, policy.lowBalanceThreshold(), start, new Credits(balance));
        return Arrays.asList(outcomes);
    }

    private void write(OrgId org, List<Pending> events, UsageOutcome[] outcomes, List<Integer> accepted, LocalDate month,
            Instant now) {
        int n = accepted.size();
        String[] ids = new String[n];
        String[] hashes = new String[n];
        long[] afters = new long[n];
        List<UsageDebit> debits = new ArrayList<>(n);
        List<RecordedUsage> rows = new ArrayList<>(n);
        Map<UserId, long[]> perPayer = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            Pending event = events.get(accepted.get(k));
            UsageReport report = event.report();
            ids[k] = report.eventId();
            hashes[k] = HEX.formatHex(event.fingerprint());
            afters[k] = outcomes[accepted.get(k)].balanceAfter().micros();
            debits.add(new UsageDebit(report.credits(), "usage:" + report.eventId(), "usage:" + report.eventId()));
            UserId payer = event.workspace().owner();
            rows.add(new RecordedUsage(report.eventId(), report.workspaceId(), report.userId(), payer, report.credits(),
                    report.kind(), report.model(), report.occurredAt(), now));
            long[] totals = perPayer.computeIfAbsent(payer, p -> new long[2]);
            totals[0] += report.credits().micros();
            totals[1]++;
        }
        if (usage.insertKeys(org, ids, hashes, afters, now).size() != n) {
            throw new KeyTakenMeanwhile();
        }
        wallets.chargeUsageAll(org, debits);
        usage.insertEvents(org, rows);
        UUID[] payerIds = new UUID[perPayer.size()];
        long[] credits = new long[perPayer.size()];
        int[] counts = new int[perPayer.size()];
        int p = 0;
        for (var entry : perPayer.entrySet()) {
            payerIds[p] = entry.getKey().value();
            credits[p] = entry.getValue()[0];
            counts[p++] = (int) entry.getValue()[1];
        }
        usage.addToMonths(org, month, payerIds, credits, counts);
    }

    /** The original answer for the same body; a conflict for another body under the same eventId. */
    public static UsageOutcome replay(Pending event, KeyedCharge key) {
        return Arrays.equals(key.requestHash(), event.fingerprint())
                ? UsageOutcome.duplicate(event.report(), key.orgId(), new Credits(key.balanceAfter()))
                : UsageOutcome.rejected(event.report(), "idempotency_conflict", key.orgId());
    }
}
