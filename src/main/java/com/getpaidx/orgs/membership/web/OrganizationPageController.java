package com.getpaidx.orgs.membership.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.MemberOrganizations;
import com.getpaidx.orgs.membership.MemberWindow;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.membership.RoleRules;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

/**
 * Settings → Organizations. Every form posts and redirects, so the page works without JavaScript;
 * htmx swaps only the content area when it is there.
 */
@Controller
@RequestMapping("/settings/organizations")
class OrganizationPageController {

    /** A member row with the controls the viewer may use on it. */
    /** Members shown per page of the member list; further ones are a "Next" link away. */
    static final int MEMBERS_PER_PAGE = PageRequest.MAX_LIMIT;

    record MemberRow(Member member, boolean self, List<Role> assignableRoles, boolean removable) {
    }

    private final MemberOrganizations organizations;
    private final MembershipManagement memberships;
    private final List<OrganizationPageSection> sections;

    OrganizationPageController(MemberOrganizations organizations, MembershipManagement memberships,
            List<OrganizationPageSection> sections) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.sections = sections.stream().sorted(Comparator.comparingInt(OrganizationPageSection::order)).toList();
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("organizations", organizations.mine(user.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
        return "membership/organizations";
    }

    @PostMapping
    String create(CurrentUser user, @RequestParam String name, @RequestParam(required = false) String slug) {
        OrganizationView created = organizations.create(user.id(), name, slug == null || slug.isBlank() ? null : slug.trim());
        return "redirect:/settings/organizations/" + created.organization().id();
    }

    @GetMapping("/{id}")
    String show(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String membersAfter,
            @RequestParam(required = false) String membersBefore, Model model) {
        OrgId org = new OrgId(id);
        OrganizationView view = organizations.view(org, user.id());
        Role me = view.myRole();
        MemberWindow window = memberships.memberWindow(org, user.id(), membersAfter, membersBefore, MEMBERS_PER_PAGE);
        List<MemberRow> rows = window.items().stream()
                .map(member -> {
                    boolean self = member.userId().equals(user.id());
                    return new MemberRow(member, self, RoleRules.assignableRoles(me, member.role()),
                            RoleRules.mayRemove(me, self, member.role()));
                })
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("view", view);
        model.addAttribute("org", view.organization());
        model.addAttribute("members", rows);
        model.addAttribute("membersPrevious", window.previousCursor());
        model.addAttribute("membersNext", window.nextCursor());
        model.addAttribute("sections", sections.stream()
                .flatMap(section -> section.render(view, user.id()).stream())
                .toList());
        model.addAttribute("canRename", me.can(Permission.RENAME_ORG));
        model.addAttribute("canArchive", me.can(Permission.ARCHIVE_ORG));
        return "membership/organization";
    }

    @PostMapping("/{id}/rename")
    String rename(CurrentUser user, @PathVariable UUID id, @RequestParam String name) {
        organizations.rename(new OrgId(id), user.id(), name);
        return redirectTo(id);
    }

    @PostMapping("/{id}/archive")
    String archive(CurrentUser user, @PathVariable UUID id) {
        organizations.archive(new OrgId(id), user.id());
        return redirectTo(id);
    }

    @PostMapping("/{id}/unarchive")
    String unarchive(CurrentUser user, @PathVariable UUID id) {
        organizations.unarchive(new OrgId(id), user.id());
        return redirectTo(id);
    }

    @PostMapping("/{id}/members/{userId}/role")
    String changeRole(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId, @RequestParam String role) {
        memberships.changeRole(new OrgId(id), user.id(), new UserId(userId), Role.fromJson(role));
        return redirectTo(id);
    }

    @PostMapping("/{id}/members/{userId}/remove")
    String remove(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        memberships.remove(new OrgId(id), user.id(), new UserId(userId));
        return user.id().value().equals(userId) ? "redirect:/settings/organizations" : redirectTo(id);
    }

    private static String redirectTo(UUID id) {
        return "redirect:/settings/organizations/" + id;
    }
}
