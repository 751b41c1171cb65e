package com.getpaidx.orgs.usage.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    /**
     * A member who leaves or is removed also leaves the policy's selected spenders: were they invited back, they would
     * join as a plain member, not as someone a billing manager chose.
     */
    @EventListener
    void on(MemberRemoved event) {
        reset(event.orgId(), event.userId(), event.actor(), event.left() ? "member_left" : "member_removed");
        policies.deselect(event.orgId(), event.userId(), clock.instant()).ifPresent(left -> {
            List<String> after = left.stream().map(UserId::toString).sorted().toList();
            List<String> before = Stream.concat(after.stream(), Stream.of(event.userId().toString())).sorted().toList();
            audit.record(new AuditRecord(event.orgId(), event.actor(), "spend_policy.updated", "spend_policy",
                    event.orgId().toString(), Map.of("selectedUserIds", before), Map.of("selectedUserIds", after)));
            log.info("{} left the selected spenders of org {} with their membership", event.userId(), event.orgId());
        });
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

    /** The app gave a workspace billed to an org another owner, which sent it back to personal billing. */
    public void ownerChanged(String workspaceId, JdbcWorkspaceRepository.Reset reset) {
        record(reset.org(), null, workspaceId, reset.previousOwner(), "owner_changed");
    }

    private void reset(OrgId org, UserId owner, UserId actor, String reason) {
        for (var workspace : workspaces.resetToPersonal(org, owner, clock.instant())) {
            record(org, actor, workspace.id(), workspace.owner(), reason);
        }
    }

    private void record(OrgId org, UserId actor, String workspaceId, UserId owner, String reason) {
        audit.record(new AuditRecord(org, actor, "workspace.billing_reset", "workspace", workspaceId,
                Map.of("target", "org", "orgId", org.toString()), Map.of("target", "personal", "reason", reason)));
        log.info("Workspace {} of {} billed personally again: {}", workspaceId, owner, reason);
    }
}
