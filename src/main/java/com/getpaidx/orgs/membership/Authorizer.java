package com.getpaidx.orgs.membership;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.membership.internal.JdbcMembershipRepository;
import com.getpaidx.orgs.organization.Organization;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.organization.OrganizationNotFound;
import com.getpaidx.orgs.shared.Forbidden;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * The one place that decides whether a user may do something in an organization. A non-member learns
 * nothing (404, as if the org did not exist); a member without the permission gets 403.
 */
@Component
public class Authorizer {

    private final JdbcMembershipRepository memberships;
    private final OrganizationManagement organizations;

    Authorizer(JdbcMembershipRepository memberships, OrganizationManagement organizations) {
        this.memberships = memberships;
        this.organizations = organizations;
    }

    /** The actor's role read under lock, and the active org, for a change made on the strength of that role. */
    public record Acting(Role role, Organization organization) {
    }

    /**
     * For a change in an org on the strength of the actor's role: first the unlocked check (a non-member learns
     * nothing, not even that the org is archived), then the org held active under a shared lock (no archive before
     * the change commits), then the role read again under a shared lock on the membership, in the order a role
     * change or removal takes its locks, so one under way is waited for and then seen.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Acting requireActing(OrgId org, UserId user, Permission permission) {
        require(org, user, permission);
        Organization active = organizations.requireActive(org);
        return new Acting(requireLocked(org, user, permission), active);
    }

    public Role require(OrgId org, UserId user, Permission permission) {
        return permitted(requireMember(org, user), permission);
    }

    public Role requireMember(OrgId org, UserId user) {
        return memberships.roleOf(org, user).orElseThrow(OrganizationNotFound::new);
    }

    public Optional<Role> roleOf(OrgId org, UserId user) {
        return memberships.roleOf(org, user);
    }

    /**
     * For another module about to act on what the role allows: the role, holding a shared lock on the membership
     * until the transaction ends, so a removal or a role change waits for that act and then sees it (and one that
     * came first is seen here: no role once removed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Role> lockRoleOf(OrgId org, UserId user) {
        return memberships.lockMemberForShare(org, user);
    }

    /**
     * {@link #require} read again under a shared lock on the membership, for a change made on the strength of the
     * role: a demotion or a removal under way is waited for and then seen.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Role requireLocked(OrgId org, UserId user, Permission permission) {
        return permitted(lockRoleOf(org, user).orElseThrow(OrganizationNotFound::new), permission);
    }

    private static Role permitted(Role role, Permission permission) {
        if (!role.can(permission)) {
            throw new Forbidden();
        }
        return role;
    }
}
