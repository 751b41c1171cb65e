package com.getpaidx.orgs.invitation.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.invitation.InvitationManagement;
import com.getpaidx.orgs.invitation.InvitationStatus;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
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
    public int order() {
        return 10;
    }

    @Override
    public Optional<Section> render(OrganizationView organization, UserId viewer) {
        Role role = organization.myRole();
        if (!role.can(Permission.MANAGE_INVITATIONS)) {
            return Optional.empty();
        }
        var pending = invitations.list(organization.organization().id(), viewer, InvitationStatus.PENDING,
                PageRequest.first(PageRequest.MAX_LIMIT)).items();
        var roles = Arrays.stream(Role.values()).filter(invited -> RoleRules.mayInvite(role, invited)).toList();
        return Optional.of(new Section("invitation/section", Map.of(
                "org", organization.organization(),
                "pending", pending,
                "roles", roles,
                "canChange", !organization.organization().archived())));
    }
}
