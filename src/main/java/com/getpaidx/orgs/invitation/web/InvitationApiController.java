package com.getpaidx.orgs.invitation.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.invitation.AcceptedInvitation;
import com.getpaidx.orgs.invitation.Invitation;
import com.getpaidx.orgs.invitation.InvitationManagement;
import com.getpaidx.orgs.invitation.InvitationPreview;
import com.getpaidx.orgs.invitation.InvitationStatus;
import com.getpaidx.orgs.invitation.IssuedInvitation;
import com.getpaidx.orgs.mail.EmailDelivery;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;

@RestController
@RequestMapping("/api/v1")
class InvitationApiController {

    record InviteRequest(@NotNull String email, @NotNull Role role) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "InvitationTokenRequest")
    record TokenRequest(@NotNull String token) {

        /** Spring MVC logs bodies at DEBUG: the secret stays out. */
        @Override
        public String toString() {
            return "TokenRequest[token=(hidden)]";
        }
    }

    /** Returned on create and resend only: the one time the token leaves the service. */
    record IssuedResponse(UUID id, String email, Role role, InvitationStatus status, Instant expiresAt, String token,
            String acceptUrl, EmailDelivery emailDelivery) {

        static IssuedResponse of(IssuedInvitation issued) {
            Invitation invitation = issued.invitation();
            return new IssuedResponse(invitation.id(), invitation.email(), invitation.role(), invitation.status(),
                    invitation.expiresAt(), issued.token(), issued.acceptUrl(), issued.emailDelivery());
        }

        /** Spring MVC logs bodies at DEBUG: the secret stays out. */
        @Override
        public String toString() {
            return "IssuedResponse[id=" + id + ", status=" + status + ", token=(hidden), acceptUrl=(hidden)]";
        }
    }

    record InvitationResponse(UUID id, String email, Role role, InvitationStatus status, Instant expiresAt,
            UUID invitedBy, String invitedByName, Instant createdAt) {

        static InvitationResponse of(Invitation invitation) {
            return new InvitationResponse(invitation.id(), invitation.email(), invitation.role(), invitation.status(),
                    invitation.expiresAt(), invitation.invitedBy().value(), invitation.invitedByName(),
                    invitation.createdAt());
        }
    }

    record PreviewResponse(UUID orgId, String orgName, String email, Role role, String invitedBy, Instant expiresAt,
            InvitationStatus status) {

        static PreviewResponse of(InvitationPreview preview) {
            return new PreviewResponse(preview.orgId().value(), preview.orgName(), preview.email(), preview.role(),
                    preview.invitedBy(), preview.expiresAt(), preview.status());
        }
    }

    record MembershipResponse(UUID orgId, UUID userId, Role role) {

        static MembershipResponse of(AcceptedInvitation accepted) {
            return new MembershipResponse(accepted.orgId().value(), accepted.userId().value(), accepted.role());
        }
    }

    private final InvitationManagement invitations;

    InvitationApiController(InvitationManagement invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/orgs/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedResponse invite(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody InviteRequest request) {
        return IssuedResponse.of(invitations.invite(new OrgId(id), user, request.email(), request.role()));
    }

    @GetMapping("/orgs/{id}/invitations")
    Page<InvitationResponse> list(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        InvitationStatus filter = status == null || status.isBlank() ? null : InvitationStatus.fromJson(status);
        return invitations.list(new OrgId(id), user.id(), filter, PageRequest.of(limit, cursor))
                .map(InvitationResponse::of);
    }

    @PostMapping("/orgs/{id}/invitations/{invitationId}/resend")
    IssuedResponse resend(CurrentUser user, @PathVariable UUID id, @PathVariable UUID invitationId) {
        return IssuedResponse.of(invitations.resend(new OrgId(id), user.id(), invitationId));
    }

    @DeleteMapping("/orgs/{id}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser user, @PathVariable UUID id, @PathVariable UUID invitationId) {
        invitations.revoke(new OrgId(id), user.id(), invitationId);
    }

    @PostMapping("/invitations/preview")
    PreviewResponse preview(CurrentUser user, @Valid @RequestBody TokenRequest request) {
        return PreviewResponse.of(invitations.preview(request.token()));
    }

    @PostMapping("/invitations/accept")
    MembershipResponse accept(CurrentUser user, @Valid @RequestBody TokenRequest request) {
        return MembershipResponse.of(invitations.accept(request.token(), user));
    }
}
