package com.getpaidx.orgs.account.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.getpaidx.orgs.account.AccountManagement;
import com.getpaidx.orgs.account.EmailVerification;
import com.getpaidx.orgs.mail.EmailDelivery;
import com.getpaidx.orgs.shared.CurrentUser;

/**
 * The account page: whether the address is confirmed, a button for a new link, and the API tokens to revoke. The link in the mail
 * opens a page that confirms with a POST, so a mail scanner that follows links uses up nothing.
 */
@Controller
class AccountSettingsPageController {

    private final EmailVerification verification;
    private final AccountManagement accounts;

    AccountSettingsPageController(EmailVerification verification, AccountManagement accounts) {
        this.verification = verification;
        this.accounts = accounts;
    }

    @GetMapping("/settings/account")
    String account(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("address", verification.standing(user.id()));
        model.addAttribute("tokens", accounts.tokens(user.id()));
        return "account/settings";
    }

    /** A plain form post (CSRF token included by Thymeleaf): works without JavaScript. */
    @PostMapping("/settings/account/tokens/{id}/revoke")
    String revokeToken(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        accounts.revokeToken(user.id(), id);
        redirect.addFlashAttribute("notice", "The API token is revoked.");
        return "redirect:/settings/account";
    }

    @PostMapping("/settings/account/verification")
    String resend(CurrentUser user, RedirectAttributes redirect) {
        EmailDelivery delivery = verification.resend(user.id());
        redirect.addFlashAttribute("notice", delivery == EmailDelivery.QUEUED
                ? "We sent a new confirmation link to " + user.email() + "."
                : "No mail server is configured, so there is nothing to confirm.");
        return "redirect:/settings/account";
    }

    @GetMapping("/settings/account/verify")
    String confirmForm(CurrentUser user, @RequestParam(required = false) String token, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("token", token);
        return "account/verify";
    }

    @PostMapping("/settings/account/verify")
    String confirm(CurrentUser user, @RequestParam(required = false) String token, RedirectAttributes redirect) {
        verification.verify(user.id(), token);
        redirect.addFlashAttribute("notice", "Your email address is confirmed.");
        return "redirect:/settings/account";
    }
}
