package com.getpaidx.orgs.usage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.internal.BindingFallback;
import com.getpaidx.orgs.usage.internal.JdbcSpendPolicyRepository;
import com.getpaidx.orgs.wallet.SpendingControls;

/** The spend policy: every member may read it, billing managers change it. */
@Service
public class SpendPolicyManagement implements SpendingControls {

    private final JdbcSpendPolicyRepository policies;
    private final Authorizer authorizer;
    private final BindingFallback fallback;
    private final AuditLog audit;
    private final Clock clock;

    SpendPolicyManagement(JdbcSpendPolicyRepository policies, Authorizer authorizer,
            BindingFallback fallback, AuditLog audit, Clock clock) {
        this.policies = policies;
        this.authorizer = authorizer;
        this.fallback = fallback;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SpendPolicy policy(OrgId org, UserId caller) {
        authorizer.require(org, caller, Permission.VIEW);
        return policies.find(org);
    }

    /**
     * Replaces the policy. Owners whom it no longer lets spend get their workspaces billed to the org
     * sent back to personal billing, in the same transaction.
     */
    @Transactional
    public SpendPolicy update(OrgId org, UserId caller, SpendPolicy wanted) {
        authorizer.requireActing(org, caller, Permission.MANAGE_BILLING);
        for (UserId selected : wanted.selectedUserIds()) { // a removal of a selected member under way is waited for
            if (authorizer.lockRoleOf(org, selected).isEmpty()) {
                throw new InvalidInput("selectedUserIds", "must all be members of the organization (" + selected + " is not)");
            }
        }
        SpendPolicy before = policies.find(org);
        policies.save(org, wanted, clock.instant());
        audit.record(new AuditRecord(org, caller, "spend_policy.updated", "spend_policy", org.toString(),
                describe(before), describe(wanted)));
        fallback.resetOwnersNoLongerAllowed(org, wanted, caller);
        return wanted;
    }

    @Override
    public boolean paused(OrgId org) {
        return policies.find(org).paused();
    }

    @Override
    public Optional<Credits> lowBalanceThreshold(OrgId org) {
        return Optional.ofNullable(policies.find(org).lowBalanceThreshold());
    }

    private static Map<String, Object> describe(SpendPolicy policy) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("spenders", policy.spenders().json());
        map.put("selectedUserIds", policy.selectedUserIds().stream().map(UserId::toString).sorted().toList());
        map.put("memberMonthlyLimit", policy.memberMonthlyLimit() == null ? null : policy.memberMonthlyLimit().toString());
        map.put("paused", policy.paused());
        map.put("lowBalanceThreshold", policy.lowBalanceThreshold() == null ? null : policy.lowBalanceThreshold().toString());
        return map;
    }
}
