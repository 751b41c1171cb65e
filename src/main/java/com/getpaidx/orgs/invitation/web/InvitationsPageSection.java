package com.getpaidx.orgs.invitation.web;

import java.util.Arrays;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.invitation.InvitationManagement;
import com.getpaidx.orgs.invitation.InvitationStatus;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.membership.RoleRules;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

/** The Invitations section of the organization page, for managers only. */
@Component
class InvitationsPageSection implements OrganizationPageSection {

    private final InvitationManagement invitations;

    InvitationsPageSection(InvitationManagement invitations) {
        this.invitations = invitations;
    }

    @Override
    public Place place() {
        return new Place("invitations", "Invitations", 10, Permission.MANAGE_INVITATIONS);
    }

    @Override
    public Section render(OrganizationView organization, UserId viewer, SectionQuery query) {
        Role role = organization.myRole();
        var pending = invitations.list(organization.organization().id(), viewer, InvitationStatus.PENDING,
                PageRequest.first(PageRequest.MAX_LIMIT)).items();
        var roles = Arrays.stream(Role.values()).filter(invited -> RoleRules.mayInvite(role, invited)).toList();
        return new Section("invitation/section", Map.of(
                "org", organization.organization(),
                "pending", pending,
                "roles", roles,
                "canChange", !organization.organization().archived()));
    }
}
