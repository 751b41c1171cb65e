package com.getpaidx.orgs.usage.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.RecordedUsage;
import com.getpaidx.orgs.usage.SpendPolicyManagement;
import com.getpaidx.orgs.usage.UsageReview;
import com.getpaidx.orgs.usage.UsageSummary;
import com.getpaidx.orgs.usage.WorkspaceManagement;

/**
 * Usage: the last 30 days as a chart and a table, the month's spend per member and per workspace (billing
 * managers), the events with filters and paging, a CSV download, and the spend policy. Billing managers read every
 * org-billed event; every other member their own.
 */
@Component
class UsagePageSection implements OrganizationPageSection {

    static final int PER_PAGE = 20;
    static final int CHART_DAYS = 30;

    /** One usage event with the names of who acted and whose workspace the org paid for. */
    record UsageRow(RecordedUsage usage, String workspaceName, String actor, String payer) {

        public boolean payerActed() {
            return usage.userId().equals(usage.payerUserId());
        }
    }

    /** A line of the month's spend: a member's or a workspace's name and total. */
    record SpendLine(String name, String id, com.getpaidx.orgs.shared.Credits credits, long events) {
    }

    private final UsageReview review;
    private final WorkspaceManagement workspaces;
    private final MembershipManagement memberships;
    private final SpendPolicySection policy;
    private final Clock clock;

    UsagePageSection(UsageReview review, WorkspaceManagement workspaces, MembershipManagement memberships,
            SpendPolicyManagement policies, Clock clock) {
        this.review = review;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.policy = new SpendPolicySection(policies);
        this.clock = clock;
    }

    @Override
    public Place place() {
        return new Place("usage", "Usage", 25, Permission.VIEW);
    }

    @Override
    public Section render(OrganizationView organization, UserId viewer, SectionQuery query) {
        var org = organization.organization();
        boolean manager = organization.myRole().can(Permission.MANAGE_BILLING);
        List<Member> members = memberships.allMembers(org.id(), viewer);
        Map<UserId, String> names = members.stream().collect(Collectors.toMap(Member::userId, Member::displayName));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        var memberFilter = manager ? query.uuid("member") : null;
        var filter = new UsageReview.Filter(memberFilter == null ? null : new UserId(memberFilter),
                query.text("workspace"), query.dayStart("from"), query.dayEnd("to"));
        Page<RecordedUsage> page = review.events(org.id(), viewer, filter, query.page(PER_PAGE));
        Map<String, String> workspaceNames = workspaces.names(page.items().stream().map(RecordedUsage::workspaceId).toList());

        var filters = new java.util.LinkedHashMap<String, String>();
        filters.put("member", memberFilter == null ? null : memberFilter.toString());
        filters.put("workspace", query.text("workspace"));
        filters.put("from", query.date("from") == null ? null : query.date("from").toString());
        filters.put("to", query.date("to") == null ? null : query.date("to").toString());
        String base = "/settings/organizations/" + org.id() + "/usage";

        var model = new HashMap<String, Object>();
        model.put("org", org);
        model.put("manager", manager);
        model.put("members", members);
        model.put("filters", filters);
        model.put("chart", UsageChart.of(review.daily(org.id(), viewer, today.minusDays(CHART_DAYS - 1), today)));
        model.put("events", page.items().stream()
                .map(e -> new UsageRow(e, workspaceNames.get(e.workspaceId()), nameOf(e.userId(), names),
                        nameOf(e.payerUserId(), names)))
                .toList());
        model.put("next", page.nextCursor() == null ? null : link(base, filters, page.nextCursor()));
        model.put("first", query.text("cursor") == null ? null : link(base, filters, null));
        model.put("download", link(base + "/export", Map.of(), null));
        if (manager) {
            UsageSummary month = review.summary(org.id(), viewer, today.toString().substring(0, 7));
            Map<String, String> monthWorkspaces = workspaces.names(month.byWorkspace().stream()
                    .map(UsageSummary.WorkspaceTotal::workspaceId).toList());
            model.put("byMember", month.byMember().stream()
                    .map(t -> new SpendLine(nameOf(t.userId(), names), t.userId().toString(), t.credits(), t.events()))
                    .toList());
            model.put("byWorkspace", month.byWorkspace().stream()
                    .map(t -> new SpendLine(Optional.ofNullable(monthWorkspaces.get(t.workspaceId())).orElse(t.workspaceId()),
                            t.workspaceId(), t.credits(), t.events()))
                    .toList());
        }
        policy.addTo(model, organization, viewer, members);
        return new Section("usage/section", model);
    }

    /** A new organization's next step: bill a workspace to it (when the viewer may, and nothing was billed yet). */
    @Override
    public Optional<Section> overview(OrganizationView organization, UserId viewer) {
        var org = organization.organization();
        if (org.archived() || !policy.allows(organization, viewer)) {
            return Optional.empty();
        }
        LocalDate firstDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(CHART_DAYS - 1);
        if (review.anySince(org.id(), viewer, firstDay.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return Optional.empty();
        }
        return Optional.of(new Section("usage/section", Map.of("org", org)));
    }

    static String link(String path, Map<String, String> filters, String cursor) {
        var uri = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
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

    /** Actors may be collaborators outside the org, or members who have left it. */
    private static String nameOf(UserId user, Map<UserId, String> names) {
        return names.getOrDefault(user, "Not a member (" + user + ")");
    }
}
