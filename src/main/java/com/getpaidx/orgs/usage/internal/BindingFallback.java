package com.getpaidx.orgs.usage.internal;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.MemberRemoved;
import com.getpaidx.orgs.membership.MemberRoleChanged;
import com.getpaidx.orgs.organization.OrganizationArchived;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.SpendPolicy;

/**
 * When someone may no longer spend an org's money (they left, the org was archived, the policy or
 * their role changed), their workspaces billed to it go back to personal billing, audited, in the
 * transaction that took the right away.
 */
@Component
public class BindingFallback {

    private static final Logger log = LoggerFactory.getLogger(BindingFallback.class);

    private final JdbcWorkspaceRepository workspaces;
    private final JdbcSpendPolicyRepository policies;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final Clock clock;

    BindingFallback(JdbcWorkspaceRepository workspaces, JdbcSpendPolicyRepository policies, Authorizer authorizer,
            AuditLog audit, Clock clock) {
        this.workspaces = workspaces;
        this.policies = policies;
        this.authorizer = authorizer;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(MemberRemoved event) {
        reset(event.orgId(), event.userId(), event.actor(), event.left() ? "member_left" : "member_removed");
    }

    @EventListener
    void on(OrganizationArchived event) {
        reset(event.orgId(), null, event.actor(), "org_archived");
    }

    @EventListener
    void on(MemberRoleChanged event) {
        if (!policies.find(event.orgId()).allows(event.userId(), event.after())) {
            reset(event.orgId(), event.userId(), event.actor(), "policy_denied");
        }
    }

    public void resetOwnersNoLongerAllowed(OrgId org, SpendPolicy policy, UserId actor) {
        for (UserId owner : workspaces.ownersBilling(org)) {
            boolean allowed = authorizer.roleOf(org, owner).map(role -> policy.allows(owner, role)).orElse(false);
            if (!allowed) {
                reset(org, owner, actor, "policy_denied");
            }
        }
    }

    private void reset(OrgId org, UserId owner, UserId actor, String reason) {
        for (var workspace : workspaces.resetToPersonal(org, owner, clock.instant())) {
            audit.record(new AuditRecord(org, actor, "workspace.billing_reset", "workspace", workspace.id(),
                    Map.of("target", "org", "orgId", org.toString()), Map.of("target", "personal", "reason", reason)));
            log.info("Workspace {} of {} billed personally again: {}", workspace.id(), workspace.owner(), reason);
        }
    }
}
