package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The hosted checkout page the payer is sent to, in Stripe's place: Pay completes the session and
 * returns to its success URL, Cancel returns to its cancel URL and leaves the session open.
 */
@Controller
@RequestMapping("/sandbox/checkout/{id}")
@ConditionalOnPaymentSandbox
class SandboxCheckoutPageController {

    private final SandboxPayments sandbox;

    SandboxCheckoutPageController(SandboxPayments sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping
    String show(@PathVariable String id, Model model) {
        model.addAttribute("checkout", existing(id));
        return "billing/sandbox-checkout";
    }

    @PostMapping("/pay")
    RedirectView pay(@PathVariable String id) {
        existing(id);
        return away(sandbox.complete(id).successRedirect());
    }

    @PostMapping("/cancel")
    RedirectView cancel(@PathVariable String id) {
        return away(existing(id).cancelUrl());
    }

    private SandboxSession existing(String id) {
        return sandbox.session(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The return URLs are the caller's, taken as they are: no "{…}" in them is a template of ours. */
    private static RedirectView away(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setExpandUriTemplateVariables(false);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return redirect;
    }
}
