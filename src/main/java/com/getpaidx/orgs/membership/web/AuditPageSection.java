package com.getpaidx.orgs.membership.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.getpaidx.orgs.audit.AuditEvent;
import com.getpaidx.orgs.audit.AuditFilter;
import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.MemberOrganizations;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.UserId;

/**
 * The Audit log section (owners, admins, billing admins): filters by actor, action and days, newest first, a page at
 * a time, each row with its before and after. It lives here, not in the audit module, because the audit module may
 * not know roles (every module depends on it).
 */
@Component
class AuditPageSection implements OrganizationPageSection {

    static final int PER_PAGE = 25;

    /** One event with its actor's name; before and after as compact JSON, null when there was none. */
    record AuditRow(AuditEvent event, String actor, String before, String after) {
    }

    private final MemberOrganizations organizations;
    private final MembershipManagement memberships;

    AuditPageSection(MemberOrganizations organizations, MembershipManagement memberships) {
        this.organizations = organizations;
        this.memberships = memberships;
    }

    @Override
    public Place place() {
        return new Place("audit", "Audit log", 80, Permission.READ_AUDIT);
    }

    @Override
    public Section render(OrganizationView view, UserId viewer, SectionQuery query) {
        var org = view.organization();
        UUID actor = query.uuid("actor");
        String action = query.text("action");
        var filter = new AuditFilter(actor == null ? null : new UserId(actor), action, query.dayStart("from"),
                query.dayEnd("to"));
        Page<AuditEvent> page = organizations.auditEvents(org.id(), viewer, filter, query.page(PER_PAGE));
        List<Member> members = memberships.allMembers(org.id(), viewer);
        Map<UUID, String> names = new HashMap<>();
        members.forEach(m -> names.put(m.userId().value(), m.displayName()));

        // the filters as given, so the form shows them and the pager and the download keep them
        var filters = new LinkedHashMap<String, String>();
        filters.put("actor", actor == null ? null : actor.toString());
        filters.put("action", action);
        filters.put("from", query.date("from") == null ? null : query.date("from").toString());
        filters.put("to", query.date("to") == null ? null : query.date("to").toString());
        String base = "/settings/organizations/" + org.id() + "/audit";

        var model = new HashMap<String, Object>();
        model.put("org", org);
        model.put("members", members);
        model.put("filters", filters);
        model.put("rows", page.items().stream().map(e -> new AuditRow(e,
                e.actorUserId() == null ? "The service" : names.getOrDefault(e.actorUserId(), "Former member"),
                e.before() == null ? null : e.before().toString(), e.after() == null ? null : e.after().toString()))
                .toList());
        model.put("next", page.nextCursor() == null ? null : link(base, filters, page.nextCursor()));
        model.put("first", query.text("cursor") == null ? null : link(base, filters, null));
        model.put("download", link(base + "/export", filters, null));
        return new Section("membership/audit", model);
    }

    static String link(String path, Map<String, String> filters, String cursor) {
        var uri = UriComponentsBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        return uri.encode().build().toUriString();
    }
}
