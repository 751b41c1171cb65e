package com.getpaidx.orgs.invitation.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.getpaidx.orgs.account.AddressStanding;
import com.getpaidx.orgs.account.EmailVerification;
import com.getpaidx.orgs.invitation.AcceptedInvitation;
import com.getpaidx.orgs.invitation.InvitationManagement;
import com.getpaidx.orgs.invitation.InvitationPreview;
import com.getpaidx.orgs.invitation.IssuedInvitation;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.OrgId;

@Controller
class InvitationPageController {

    private final InvitationManagement invitations;
    private final EmailVerification verification;

    InvitationPageController(InvitationManagement invitations, EmailVerification verification) {
        this.invitations = invitations;
        this.verification = verification;
    }

    @PostMapping("/settings/organizations/{id}/invitations")
    String invite(CurrentUser user, @PathVariable UUID id, @RequestParam String email, @RequestParam String role,
            RedirectAttributes redirect) {
        IssuedInvitation issued = invitations.invite(new OrgId(id), user, email, Role.fromJson(role));
        redirect.addFlashAttribute("issuedInvitation", issued);
        return "redirect:/settings/organizations/" + id + "/invitations";
    }

    @PostMapping("/settings/organizations/{id}/invitations/{invitationId}/resend")
    String resend(CurrentUser user, @PathVariable UUID id, @PathVariable UUID invitationId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("issuedInvitation", invitations.resend(new OrgId(id), user.id(), invitationId));
        return "redirect:/settings/organizations/" + id + "/invitations";
    }

    @PostMapping("/settings/organizations/{id}/invitations/{invitationId}/revoke")
    String revoke(CurrentUser user, @PathVariable UUID id, @PathVariable UUID invitationId) {
        invitations.revoke(new OrgId(id), user.id(), invitationId);
        return "redirect:/settings/organizations/" + id + "/invitations";
    }

    /** The link in the email. Signing in or up on the way comes back here (Spring Security's saved request). */
    @GetMapping("/invitations/accept")
    String preview(CurrentUser user, @RequestParam(required = false) String token, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("token", token);
        InvitationPreview preview = invitations.preview(token);
        model.addAttribute("preview", preview);
        AddressStanding address = verification.standing(user.id());
        model.addAttribute("address", address);
        model.addAttribute("addressMatches", EmailAddresses.same(preview.email(), address.email()));
        return "invitation/accept";
    }

    @PostMapping("/invitations/accept")
    String accept(CurrentUser user, @RequestParam String token) {
        AcceptedInvitation accepted = invitations.accept(token, user);
        return "redirect:/settings/organizations/" + accepted.orgId();
    }
}
