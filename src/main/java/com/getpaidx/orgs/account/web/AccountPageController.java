package com.getpaidx.orgs.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.getpaidx.orgs.account.AccountManagement;
import com.getpaidx.orgs.account.OidcSignInProperties;
import com.getpaidx.orgs.shared.CurrentUser;

@Controller
class AccountPageController {

    private final AccountManagement accounts;
    private final boolean appSignIn;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    AccountPageController(AccountManagement accounts, OidcSignInProperties oidc) {
        this.accounts = accounts;
        this.appSignIn = oidc.enabled();
    }

    @GetMapping("/")
    String home() {
        return "redirect:/settings/organizations";
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof AuthenticationException e) {
            model.addAttribute("error", e.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        model.addAttribute("appSignIn", appSignIn);
        return "account/login";
    }

    @GetMapping("/signup")
    String signUpForm() {
        return "account/signup";
    }

    /** Signs the new account in at once and goes on to the page that sent the visitor here. */
    @PostMapping("/signup")
    String signUp(@RequestParam String email, @RequestParam String password, @RequestParam String displayName,
            HttpServletRequest request, HttpServletResponse response) {
        var id = accounts.signUp(email, password, displayName);
        var summary = accounts.find(id).orElseThrow();
        CurrentUser user = new CurrentUser(id, summary.email(), summary.displayName());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new session id on sign-in stops session fixation
        }
        contexts.saveContext(context, request, response);
        SavedRequest saved = savedRequests.getRequest(request, response);
        return "redirect:" + (saved == null ? "/settings/organizations" : saved.getRedirectUrl());
    }
}
