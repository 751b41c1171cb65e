package com.getpaidx.orgs.membership.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;

import com.getpaidx.orgs.membership.MemberOrganizations;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationPageSection.Section;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.Forbidden;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

/**
 * Settings → Organizations: the list, each organization's overview, and its sections at
 * {@code /settings/organizations/{id}/{section}}. Every form posts and redirects, so the page works without
 * JavaScript; htmx swaps only the content area (and pushes the address) when it is there.
 */
@Controller
@RequestMapping("/settings/organizations")
class OrganizationPageController {

    /** A link of the section navigation. */
    record NavItem(String slug, String label, String href, boolean current) {
    }

    private final MemberOrganizations organizations;
    private final MembershipManagement memberships;
    private final List<OrganizationPageSection> sections;

    OrganizationPageController(MemberOrganizations organizations, MembershipManagement memberships,
            List<OrganizationPageSection> sections) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.sections = sections.stream().sorted(Comparator.comparingInt(section -> section.place().order())).toList();
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
    String overview(CurrentUser user, @PathVariable UUID id, Model model) {
        OrganizationView view = organizations.view(new OrgId(id), user.id());
        List<Section> cards = visible(view.myRole()).stream()
                .flatMap(section -> section.overview(view, user.id()).stream())
                .toList();
        return shell(user, view, "overview", new Section("membership/overview", Map.of("cards", cards,
                "org", view.organization(), "view", view)), model);
    }

    /** Literal paths (not {@code /{section}}), so a refused form re-shows its own section (FormPages). */
    @GetMapping({ "/{id}/members", "/{id}/invitations", "/{id}/wallet", "/{id}/usage", "/{id}/seats", "/{id}/audit",
            "/{id}/settings" })
    String section(CurrentUser user, @PathVariable UUID id, HttpServletRequest request, Model model) {
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String slug = pattern.substring(pattern.lastIndexOf('/') + 1);
        OrganizationView view = organizations.view(new OrgId(id), user.id());
        OrganizationPageSection section = sections.stream().filter(s -> s.place().slug().equals(slug)).findFirst()
                .orElseThrow(Forbidden::new);
        if (!section.visibleTo(view.myRole())) {
            throw new Forbidden();
        }
        var query = new SectionQuery(request.getParameterMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        return shell(user, view, slug, section.render(view, user.id(), query), model);
    }

    private String shell(CurrentUser user, OrganizationView view, String current, Section body, Model model) {
        String base = "/settings/organizations/" + view.organization().id();
        var nav = new java.util.ArrayList<NavItem>();
        nav.add(new NavItem("overview", "Overview", base, "overview".equals(current)));
        visible(view.myRole()).forEach(s -> nav.add(new NavItem(s.place().slug(), s.place().label(), base + "/" + s.place().slug(),
                s.place().slug().equals(current))));
        model.addAttribute("user", user);
        model.addAttribute("view", view);
        model.addAttribute("org", view.organization());
        model.addAttribute("nav", nav);
        model.addAttribute("current", nav.stream().filter(NavItem::current).findFirst().orElseThrow());
        model.addAttribute("body", body);
        return "membership/organization";
    }

    private List<OrganizationPageSection> visible(Role role) {
        return sections.stream().filter(section -> section.visibleTo(role)).toList();
    }

    @PostMapping("/{id}/settings/rename")
    String rename(CurrentUser user, @PathVariable UUID id, @RequestParam String name) {
        organizations.rename(new OrgId(id), user.id(), name);
        return redirectTo(id, "settings");
    }

    @PostMapping("/{id}/settings/archive")
    String archive(CurrentUser user, @PathVariable UUID id) {
        organizations.archive(new OrgId(id), user.id());
        return redirectTo(id, "settings");
    }

    @PostMapping("/{id}/settings/unarchive")
    String unarchive(CurrentUser user, @PathVariable UUID id) {
        organizations.unarchive(new OrgId(id), user.id());
        return redirectTo(id, "settings");
    }

    @PostMapping("/{id}/members/{userId}/role")
    String changeRole(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId, @RequestParam String role) {
        memberships.changeRole(new OrgId(id), user.id(), new UserId(userId), Role.fromJson(role));
        return redirectTo(id, "members");
    }

    @PostMapping("/{id}/members/{userId}/remove")
    String remove(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        memberships.remove(new OrgId(id), user.id(), new UserId(userId));
        return user.id().value().equals(userId) ? "redirect:/settings/organizations" : redirectTo(id, "members");
    }

    private static String redirectTo(UUID id, String section) {
        return "redirect:/settings/organizations/" + id + "/" + section;
    }
}
