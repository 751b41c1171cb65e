package com.getpaidx.orgs.invitation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.account.AddressStanding;
import com.getpaidx.orgs.account.EmailNotVerified;
import com.getpaidx.orgs.account.EmailVerification;
import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.invitation.internal.InvitationMail;
import com.getpaidx.orgs.invitation.internal.JdbcInvitationRepository;
import com.getpaidx.orgs.mail.EmailDelivery;
import com.getpaidx.orgs.mail.MailOutbox;
import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.membership.RoleRules;
import com.getpaidx.orgs.organization.Organization;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.GetPaidXProperties;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.SecretTokens;
import com.getpaidx.orgs.shared.UserId;

/**
 * Invitations from their creation to their one acceptance. Tokens are returned on create and resend
 * only; the database keeps their SHA-256.
 */
@Service
public class InvitationManagement {

    private static final Logger log = LoggerFactory.getLogger(InvitationManagement.class);

    private final JdbcInvitationRepository invitations;
    private final Authorizer authorizer;
    private final MembershipManagement memberships;
    private final OrganizationManagement organizations;
    private final MailOutbox mail;
    private final EmailVerification verification;
    private final AuditLog audit;
    private final InvitationProperties properties;
    private final GetPaidXProperties service;
    private final Clock clock;

    InvitationManagement(JdbcInvitationRepository invitations, Authorizer authorizer, MembershipManagement memberships,
            OrganizationManagement organizations, MailOutbox mail, EmailVerification verification, AuditLog audit,
            InvitationProperties properties, GetPaidXProperties service, Clock clock) {
        this.invitations = invitations;
        this.authorizer = authorizer;
        this.memberships = memberships;
        this.organizations = organizations;
        this.mail = mail;
        this.verification = verification;
        this.audit = audit;
        this.properties = properties;
        this.service = service;
        this.clock = clock;
    }

    @Transactional
    public IssuedInvitation invite(OrgId org, CurrentUser inviter, String email, Role role) {
        authorizer.require(org, inviter.id(), Permission.MANAGE_INVITATIONS);
        String address = EmailAddresses.requireValid("email", email);
        Organization organization = organizations.requireActive(org);
        // read again under lock, in the order a role change takes its locks: a demotion under way is waited for
        Role inviterRole = authorizer.requireLocked(org, inviter.id(), Permission.MANAGE_INVITATIONS);
        RoleRules.checkInvite(inviterRole, role);
        if (memberships.isMemberByEmail(org, address)) {
            throw new AlreadyMember();
        }
        Instant now = clock.instant();
        invitations.expireLapsed(org, address, now);
        String token = SecretTokens.generate();
        UUID id = UUID.randomUUID();
        if (!invitations.insert(id, org, address, role, SecretTokens.sha256(token), inviter.id(), inviter.displayName(),
                now, now.plus(properties.ttl()))) {
            throw new InvitationPending();
        }
        Invitation invitation = invitations.find(org, id, now).orElseThrow();
        audit.record(new AuditRecord(org, inviter.id(), "invitation.created", "invitation", id.toString(), null,
                Map.of("email", address, "role", role.json())));
        log.info("Invitation {} to org {} created by {}", id, org, inviter.id());
        return issue(invitation, organization, token);
    }

    @Transactional
    public IssuedInvitation resend(OrgId org, UserId actor, UUID invitationId) {
        Authorizer.Acting acting = authorizer.requireActing(org, actor, Permission.MANAGE_INVITATIONS);
        Role actorRole = acting.role();
        Instant now = clock.instant();
        Invitation current = invitations.lock(org, invitationId, now).orElseThrow(InvitationNotFound::new);
        RoleRules.checkInvite(actorRole, current.role());
        switch (current.status()) {
            case ACCEPTED -> throw new InvitationAlreadyUsed();
            case REVOKED -> throw new InvitationRevoked();
            case PENDING, EXPIRED -> { }
        }
        if (memberships.isMemberByEmail(org, current.email())) {
            throw new AlreadyMember();
        }
        String token = SecretTokens.generate();
        if (!invitations.reissue(invitationId, SecretTokens.sha256(token), now.plus(properties.ttl()))) {
            throw new InvitationPending();
        }
        Invitation reissued = invitations.find(org, invitationId, now).orElseThrow();
        audit.record(new AuditRecord(org, actor, "invitation.resent", "invitation", invitationId.toString(),
                Map.of("expiresAt", current.expiresAt().toString()), Map.of("expiresAt", reissued.expiresAt().toString())));
        log.info("Invitation {} to org {} resent by {}", invitationId, org, actor);
        return issue(reissued, acting.organization(), token);
    }

    /** Revoking twice is fine; revoking an accepted invitation is not (the member stays: remove them instead). */
    @Transactional
    public void revoke(OrgId org, UserId actor, UUID invitationId) {
        Role actorRole = authorizer.requireActing(org, actor, Permission.MANAGE_INVITATIONS).role();
        Invitation current = invitations.lock(org, invitationId, clock.instant()).orElseThrow(InvitationNotFound::new);
        RoleRules.checkInvite(actorRole, current.role());
        switch (current.status()) {
            case ACCEPTED -> throw new InvitationAlreadyUsed();
            case REVOKED -> {
                return;
            }
            case PENDING, EXPIRED -> { }
        }
        invitations.revoke(invitationId, clock.instant());
        audit.record(new AuditRecord(org, actor, "invitation.revoked", "invitation", invitationId.toString(),
                Map.of("status", current.status().json()), Map.of("status", "revoked")));
        log.info("Invitation {} to org {} revoked by {}", invitationId, org, actor);
    }

    @Transactional(readOnly = true)
    public Page<Invitation> list(OrgId org, UserId caller, InvitationStatus status, PageRequest request) {
        authorizer.require(org, caller, Permission.MANAGE_INVITATIONS);
        var rows = invitations.page(org, status, request, clock.instant());
        return request.page(rows, invitation -> new Cursor.Position(invitation.createdAt(), invitation.id()));
    }

    /** What the holder of a token is invited to; any signed-in user holding it may look. */
    @Transactional(readOnly = true)
    public InvitationPreview preview(String token) {
        Invitation invitation = invitations.findByToken(hash(token), clock.instant()).orElseThrow(InvitationNotFound::new);
        Organization organization = organizations.find(invitation.orgId()).orElseThrow(InvitationNotFound::new);
        return new InvitationPreview(invitation.orgId(), organization.name(), invitation.email(), invitation.role(),
                invitation.invitedByName(), invitation.expiresAt(), invitation.status());
    }

    /**
     * Single use under any concurrency: the invitation row is locked, so of many simultaneous accepts one
     * joins and the others find it already used. The account must have proven its address (when mail
     * is configured): an invitation is for whoever reads that mailbox, not whoever typed it at sign-up. The
     * address is the account's now, not the one its sign-in carried (a page session outlives an address change).
     */
    @Transactional
    public AcceptedInvitation accept(String token, CurrentUser user) {
        Instant now = clock.instant();
        Invitation invitation = invitations.lockByToken(hash(token), now).orElseThrow(InvitationNotFound::new);
        switch (invitation.status()) {
            case REVOKED -> throw new InvitationRevoked();
            case ACCEPTED -> throw new InvitationAlreadyUsed();
            case EXPIRED -> throw new InvitationExpired();
            case PENDING -> { }
        }
        AddressStanding address = verification.standing(user.id());
        if (!EmailAddresses.same(invitation.email(), address.email())) {
            throw new EmailMismatch();
        }
        if (!address.verified()) {
            throw new EmailNotVerified();
        }
        if (!memberships.join(invitation.orgId(), user.id(), invitation.role(), invitation.invitedBy())) {
            throw new AlreadyMember();
        }
        invitations.accept(invitation.id(), user.id(), now);
        audit.record(new AuditRecord(invitation.orgId(), user.id(), "invitation.accepted", "invitation",
                invitation.id().toString(), Map.of("status", "pending"),
                Map.of("status", "accepted", "role", invitation.role().json())));
        log.info("Invitation {} accepted by {} into org {}", invitation.id(), user.id(), invitation.orgId());
        return new AcceptedInvitation(invitation.orgId(), user.id(), invitation.role());
    }

    private IssuedInvitation issue(Invitation invitation, Organization organization, String token) {
        String acceptUrl = service.link("/invitations/accept?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        EmailDelivery delivery = mail.enqueue(InvitationMail.compose(invitation, organization.name(), acceptUrl));
        return new IssuedInvitation(invitation, token, acceptUrl, delivery);
    }

    private static byte[] hash(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new InvitationNotFound();
        }
        return SecretTokens.sha256(token.trim());
    }
}
