package com.getpaidx.orgs.usage.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.shared.UtcDays;
import com.getpaidx.orgs.usage.BillingTarget;
import com.getpaidx.orgs.usage.BillingTargetOption;
import com.getpaidx.orgs.usage.SpendPolicyManagement;
import com.getpaidx.orgs.usage.UsageReview;
import com.getpaidx.orgs.usage.Workspace;
import com.getpaidx.orgs.usage.WorkspaceBilling;
import com.getpaidx.orgs.usage.WorkspaceManagement;
import com.getpaidx.orgs.usage.WorkspaceProperties;

/**
 * The spend policy form of the organization page, and Settings → Workspaces with "Bill workspace to".
 * Every form posts and redirects; broken rules come back as the API's sentence above the content.
 */
@Controller
class UsagePageController {

    /** A workspace with whom it bills now and, when an org cannot pay at the moment, why not in words. */
    record WorkspaceRow(Workspace workspace, String billTo, String billedTo, List<String> reasons) {
    }

    /** An org the user cannot bill to, with the reason in words. */
    record UnavailableTarget(BillingTargetOption option, String reason) {
    }

    private final SpendPolicyManagement policies;
    private final UsageReview review;
    private final WorkspaceManagement workspaces;
    private final boolean localRegistration;

    UsagePageController(SpendPolicyManagement policies, UsageReview review, WorkspaceManagement workspaces, WorkspaceProperties properties,
            com.getpaidx.orgs.shared.GetPaidXProperties service) {
        this.policies = policies;
        this.review = review;
        this.workspaces = workspaces;
        this.localRegistration = properties.localRegistrationIn(service);
    }

    @PostMapping("/settings/organizations/{id}/usage/spend-policy")
    String updatePolicy(CurrentUser user, @PathVariable UUID id, SpendPolicyForm form, RedirectAttributes redirect) {
        policies.update(new OrgId(id), user.id(), form.policy());
        redirect.addFlashAttribute("policySaved", true);
        return "redirect:/settings/organizations/" + id + "/usage";
    }

    /** The CSV download of the Usage section: the days {@code from} to {@code to} (UTC), both included. */
    @GetMapping("/settings/organizations/{id}/usage/export")
    void export(CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) {
        UtcDays days = UtcDays.of(from, to);
        try (var csv = UsageCsv.download(response)) {
            review.export(new OrgId(id), user.id(), days.start(), days.end(), csv);
        }
    }

    @GetMapping("/settings/workspaces")
    String workspaces(CurrentUser user, Model model) {
        List<BillingTargetOption> targets = workspaces.targets(user.id());
        Map<OrgId, String> orgNames = targets.stream()
                .collect(Collectors.toMap(BillingTargetOption::orgId, BillingTargetOption::name));
        List<WorkspaceRow> rows = new ArrayList<>();
        for (Workspace workspace : workspaces.ownedBy(user.id())) {
            rows.add(row(workspace, user.id(), orgNames));
        }
        model.addAttribute("user", user);
        model.addAttribute("workspaces", rows);
        model.addAttribute("eligible", targets.stream().filter(BillingTargetOption::eligible).toList());
        model.addAttribute("unavailable", targets.stream()
                .filter(t -> !t.eligible())
                .map(t -> new UnavailableTarget(t, BillingReasons.words(t.reason())))
                .toList());
        model.addAttribute("localRegistration", localRegistration);
        return "usage/workspaces";
    }

    /** {@code billTo} is {@code personal} or an organization's id. */
    @PostMapping("/settings/workspaces/billing")
    String bind(CurrentUser user, @RequestParam String workspaceId, @RequestParam String billTo,
            RedirectAttributes redirect) {
        BillingChoice choice = BillingChoice.of(billTo);
        workspaces.bind(workspaceId, user.id(), choice.target(), choice.org());
        redirect.addFlashAttribute("saved", workspaceId);
        return "redirect:/settings/workspaces";
    }

    /** Local registration only: without it the endpoint is not there. */
    @PostMapping("/settings/workspaces")
    String register(CurrentUser user, @RequestParam String id, @RequestParam String name, RedirectAttributes redirect) {
        if (!localRegistration) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        workspaces.registerOwn(id.strip(), user.id(), name);
        redirect.addFlashAttribute("registered", id);
        return "redirect:/settings/workspaces";
    }

    private WorkspaceRow row(Workspace workspace, UserId user, Map<OrgId, String> orgNames) {
        if (workspace.target() == BillingTarget.PERSONAL) {
            return new WorkspaceRow(workspace, BillingChoice.PERSONAL, "Personal", List.of());
        }
        WorkspaceBilling billing = workspaces.billing(workspace.id(), Optional.of(user));
        String orgName = orgNames.getOrDefault(workspace.billingOrg(), "An organization you are not in");
        return new WorkspaceRow(workspace, workspace.billingOrg().toString(), orgName,
                billing.eligible() ? List.of() : BillingReasons.words(billing.reasons()));
    }
}
