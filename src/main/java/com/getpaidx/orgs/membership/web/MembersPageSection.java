package com.getpaidx.orgs.membership.web;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.MemberWindow;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.membership.RoleRules;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

/** The Members section: every member reads the list; managers change roles and remove members. */
@Component
class MembersPageSection implements OrganizationPageSection {

    /** Members shown per page of the member list; further ones are a "Next" link away. */
    static final int MEMBERS_PER_PAGE = PageRequest.MAX_LIMIT;

    /** A member row with the controls the viewer may use on it. */
    record MemberRow(Member member, boolean self, List<Role> assignableRoles, boolean removable) {
    }

    private final MembershipManagement memberships;

    MembersPageSection(MembershipManagement memberships) {
        this.memberships = memberships;
    }

    @Override
    public Place place() {
        return new Place("members", "Members", 0, Permission.VIEW);
    }

    @Override
    public Section render(OrganizationView view, UserId viewer, SectionQuery query) {
        var org = view.organization();
        Role me = view.myRole();
        MemberWindow window = memberships.memberWindow(org.id(), viewer, query.text("membersAfter"),
                query.text("membersBefore"), MEMBERS_PER_PAGE);
        List<MemberRow> rows = window.items().stream()
                .map(member -> {
                    boolean self = member.userId().equals(viewer);
                    return new MemberRow(member, self, RoleRules.assignableRoles(me, member.role()),
                            RoleRules.mayRemove(me, self, member.role()));
                })
                .toList();
        var model = new HashMap<String, Object>();
        model.put("org", org);
        model.put("view", view);
        model.put("members", rows);
        model.put("membersPrevious", window.previousCursor());
        model.put("membersNext", window.nextCursor());
        return new Section("membership/members", model);
    }

    @Override
    public Optional<Section> overview(OrganizationView view, UserId viewer) {
        boolean alone = view.memberCount() == 1 && view.myRole().can(Permission.MANAGE_INVITATIONS);
        return Optional.of(new Section("membership/overview", java.util.Map.of("org", view.organization(),
                "memberCount", view.memberCount(), "inviteNext", alone && !view.organization().archived())));
    }
}
