package com.getpaidx.orgs.usage.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.BillingTarget;
import com.getpaidx.orgs.usage.BillingTargetOption;
import com.getpaidx.orgs.usage.Workspace;
import com.getpaidx.orgs.usage.WorkspaceBilling;
import com.getpaidx.orgs.usage.WorkspaceManagement;
import org.jspecify.annotations.Nullable;

@RestController
@RequestMapping("/api/v1")
class WorkspaceApiController {

    record RegisterRequest(@NotNull UUID ownerUserId, @NotNull String name) {
    }

    record WorkspaceResponse(String id, UUID ownerUserId, String name, BillingTarget target, @Nullable UUID orgId) {

        static WorkspaceResponse of(Workspace workspace) {
            return new WorkspaceResponse(workspace.id(), workspace.owner().value(), workspace.name(), workspace.target(),
                    workspace.billingOrg() == null ? null : workspace.billingOrg().value());
        }
    }

    record BindRequest(@NotNull BillingTarget target, @Nullable UUID orgId) {
    }

    record BillingResponse(String workspaceId, BillingTarget target, @Nullable UUID orgId, boolean eligible, List<String> reasons,
            @Nullable Credits balance) {

        static BillingResponse of(WorkspaceBilling billing) {
            return new BillingResponse(billing.workspaceId(), billing.target(),
                    billing.orgId() == null ? null : billing.orgId().value(), billing.eligible(), billing.reasons(),
                    billing.balance());
        }
    }

    record TargetResponse(String target, @Nullable UUID orgId, String name, boolean eligible, @Nullable String reason,
            @Nullable Credits balance) {
    }

    record TargetsResponse(List<TargetResponse> items, @Nullable String nextCursor) {
    }

    private final WorkspaceManagement workspaces;

    WorkspaceApiController(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    /** The main app registers (201) or updates (200) a workspace with its owner; service token only. */
    @PutMapping("/workspaces/{wsId}")
    ResponseEntity<WorkspaceResponse> register(@PathVariable String wsId, @Valid @RequestBody RegisterRequest request) {
        boolean created = workspaces.register(wsId, new UserId(request.ownerUserId()), request.name());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(WorkspaceResponse.of(workspaces.workspace(wsId)));
    }

    /** The owner, or the runtime asking before it starts a workspace. */
    @GetMapping("/workspaces/{wsId}/billing")
    BillingResponse billing(@PathVariable String wsId, Authentication authentication) {
        Optional<UserId> caller = authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user.id()) : Optional.empty();
        return BillingResponse.of(workspaces.billing(wsId, caller));
    }

    @PutMapping("/workspaces/{wsId}/billing")
    BillingResponse bind(CurrentUser user, @PathVariable String wsId, @Valid @RequestBody BindRequest request) {
        return BillingResponse.of(workspaces.bind(wsId, user.id(), request.target(),
                request.orgId() == null ? null : new OrgId(request.orgId())));
    }

    @GetMapping("/me/billing-targets")
    TargetsResponse billingTargets(CurrentUser user) {
        List<TargetResponse> items = new ArrayList<>();
        items.add(new TargetResponse("personal", null, "Personal", true, null, null));
        for (BillingTargetOption option : workspaces.targets(user.id())) {
            items.add(new TargetResponse("org", option.orgId().value(), option.name(), option.eligible(), option.reason(),
                    option.balance()));
        }
        return new TargetsResponse(items, null);
    }
}
