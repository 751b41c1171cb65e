package com.getpaidx.orgs.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.MemberOrganizations;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.organization.OrgArchived;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.internal.BindingFallback;
import com.getpaidx.orgs.usage.internal.ChargeRules;
import com.getpaidx.orgs.usage.internal.JdbcSpendPolicyRepository;
import com.getpaidx.orgs.usage.internal.JdbcUsageRepository;
import com.getpaidx.orgs.usage.internal.JdbcWorkspaceRepository;
import com.getpaidx.orgs.wallet.WalletManagement;

/** Workspaces and "Bill workspace to": who pays, and whom the owner may choose. */
@Service
public class WorkspaceManagement {

    private final JdbcWorkspaceRepository workspaces;
    private final JdbcSpendPolicyRepository policies;
    private final JdbcUsageRepository usage;
    private final Authorizer authorizer;
    private final OrganizationManagement organizations;
    private final MemberOrganizations memberOrganizations;
    private final WalletManagement wallets;
    private final AuditLog audit;
    private final BindingFallback fallback;
    private final Clock clock;

    WorkspaceManagement(JdbcWorkspaceRepository workspaces, JdbcSpendPolicyRepository policies, JdbcUsageRepository usage,
            Authorizer authorizer, OrganizationManagement organizations, MemberOrganizations memberOrganizations,
            WalletManagement wallets, AuditLog audit, BindingFallback fallback, Clock clock) {
        this.workspaces = workspaces;
        this.policies = policies;
        this.usage = usage;
        this.authorizer = authorizer;
        this.organizations = organizations;
        this.memberOrganizations = memberOrganizations;
        this.wallets = wallets;
        this.audit = audit;
        this.fallback = fallback;
        this.clock = clock;
    }

    /**
     * The main app registers or updates a workspace; true when it is new. A new owner's workspace bills personally
     * (they did not choose the old owner's org): that reset is audited in the org, as every other reset is.
     */
    @Transactional
    public boolean register(String workspaceId, UserId owner, String name) {
        String id = validId(workspaceId);
        JdbcWorkspaceRepository.Registration registration = workspaces.upsert(id, owner, validName(name), clock.instant());
        registration.reset().ifPresent(reset -> fallback.ownerChanged(id, reset));
        return registration.created();
    }

    /**
     * A signed-in user registers a workspace of their own (local registration), or renames it. Unlike
     * the main app's {@link #register}, it never takes an id over from another owner.
     */
    @Transactional
    public boolean registerOwn(String workspaceId, UserId owner, String name) {
        return workspaces.insertOrRename(validId(workspaceId), owner, validName(name), clock.instant())
                .orElseThrow(WorkspaceIdTaken::new);
    }

    @Transactional(readOnly = true)
    public Workspace workspace(String workspaceId) {
        return workspaces.find(workspaceId).orElseThrow(WorkspaceNotFound::new);
    }

    @Transactional(readOnly = true)
    public List<Workspace> ownedBy(UserId owner) {
        return workspaces.ownedBy(owner);
    }

    /** The names of the given workspaces that are registered, by id. */
    @Transactional(readOnly = true)
    public Map<String, String> names(Collection<String> workspaceIds) {
        Map<String, String> names = new HashMap<>();
        workspaces.findAll(workspaceIds).forEach((id, workspace) -> names.put(id, workspace.name()));
        return names;
    }

    /** Who pays and whether a charge would go through now; {@code caller} empty means the service. */
    @Transactional(readOnly = true)
    public WorkspaceBilling billing(String workspaceId, Optional<UserId> caller) {
        Workspace workspace = ownedWorkspace(workspaceId, caller);
        if (workspace.target() == BillingTarget.PERSONAL) {
            return new WorkspaceBilling(workspace.id(), BillingTarget.PERSONAL, null, true, List.of(), null);
        }
        OrgId org = workspace.billingOrg();
        List<String> reasons = ChargeRules.reasons(context(org, workspace.owner()), 1);
        return new WorkspaceBilling(workspace.id(), BillingTarget.ORG, org, reasons.isEmpty(), reasons, wallets.balance(org));
    }

    /**
     * The owner points the workspace at personal billing or at an org that lets them spend. Binding to an org
     * holds shared locks on the org, the owner's membership and the org's policy, in that order (the order a
     * removal takes the first two in), so an archive, a removal, a role change or a policy change under way
     * waits for the binding and its reset then finds it, or came first and the binding is refused.
     */
    @Transactional
    public WorkspaceBilling bind(String workspaceId, UserId caller, BillingTarget target, OrgId org) {
        Workspace workspace = ownedWorkspace(workspaceId, Optional.of(caller));
        if (target == BillingTarget.ORG) {
            if (org == null) {
                throw new InvalidInput("orgId", "is required when the target is org");
            }
            authorizer.roleOf(org, caller).orElseThrow(NotMember::new); // before the org's state is told
            lockSpendingRights(org, caller);
            List<String> reasons = ChargeRules.choiceReasons(context(org, caller));
            if (!reasons.isEmpty()) {
                throw refusal(reasons.getFirst());
            }
        }
        OrgId chosen = target == BillingTarget.ORG ? org : null;
        workspaces.bind(workspace.id(), target, chosen, clock.instant());
        if (workspace.billingOrg() != null && !workspace.billingOrg().equals(chosen)) {
            audit.record(new AuditRecord(workspace.billingOrg(), caller, "workspace.billing_changed", "workspace",
                    workspace.id(), Map.of("target", "org"), Map.of("target", target.json())));
        }
        if (chosen != null && !chosen.equals(workspace.billingOrg())) {
            audit.record(new AuditRecord(chosen, caller, "workspace.billing_changed", "workspace", workspace.id(),
                    Map.of("target", workspace.target().json()), Map.of("target", "org")));
        }
        return billing(workspace.id(), Optional.of(caller));
    }

    /** Personal first, then each of the user's orgs with whether they may bill to it. */
    @Transactional(readOnly = true)
    public List<BillingTargetOption> targets(UserId user) {
        List<BillingTargetOption> options = new ArrayList<>();
        for (OrganizationView view : memberOrganizations.mine(user, PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
            OrgId org = view.organization().id();
            List<String> reasons = ChargeRules.choiceReasons(context(org, user));
            options.add(new BillingTargetOption(org, view.organization().name(), reasons.isEmpty(),
                    reasons.isEmpty() ? null : reasons.getFirst(), wallets.balance(org)));
        }
        return options;
    }

    private static String validId(String workspaceId) {
        if (workspaceId == null || workspaceId.isBlank() || workspaceId.length() > 128) {
            throw new InvalidInput("wsId", "must be 1 to 128 characters");
        }
        return workspaceId;
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidInput("name", "must be 1 to 200 characters");
        }
        return trimmed;
    }

    private Workspace ownedWorkspace(String workspaceId, Optional<UserId> caller) {
        Workspace workspace = workspaces.find(workspaceId).orElseThrow(WorkspaceNotFound::new);
        if (caller.isPresent() && !caller.get().equals(workspace.owner())) {
            throw new WorkspaceNotFound(); // someone else's workspace is not shown to exist
        }
        return workspace;
    }

    private void lockSpendingRights(OrgId org, UserId owner) {
        try {
            organizations.requireActive(org);
        }
        catch (OrgArchived archived) {
            throw new ArchivedOrgCannotPay();
        }
        authorizer.lockRoleOf(org, owner).orElseThrow(NotMember::new);
        policies.lockForShare(org, clock.instant());
    }

    private ChargeRules.Context context(OrgId org, UserId owner) {
        boolean active = organizations.find(org).map(o -> !o.archived()).orElse(false);
        LocalDate month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        return new ChargeRules.Context(active, policies.find(org), owner, authorizer.roleOf(org, owner),
                usage.monthToDate(org, owner, month), wallets.balance(org).micros());
    }

    static RuntimeException refusal(String code) {
        return switch (code) {
            case "org_archived" -> new ArchivedOrgCannotPay();
            case "billing_paused" -> new BillingPaused();
            case "not_member" -> new NotMember();
            case "policy_denied" -> new PolicyDenied();
            case "member_limit_reached" -> new MemberLimitReached();
            case "insufficient_balance" -> new com.getpaidx.orgs.wallet.InsufficientBalance();
            case "not_org_billed" -> new NotOrgBilled();
            case "workspace_not_found" -> new WorkspaceNotFound();
            case "idempotency_conflict" -> new com.getpaidx.orgs.shared.IdempotencyConflict();
            case "internal_error" -> new UsageChargeFailed();
            case UsageNotTaken.CODE -> new UsageNotTaken();
            default -> new IllegalStateException("No refusal named " + code);
        };
    }
}
