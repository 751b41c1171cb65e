package com.getpaidx.orgs.billing.sandbox;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The billing portal a customer is sent to, in Stripe's place: their subscriptions, a quantity to change,
 * and cancelling, which (as in Stripe's default portal configuration) takes effect at the end of the period.
 * Every change goes through the same path as the test API, so its webhook follows.
 */
@Controller
@RequestMapping("/sandbox/portal/{customerId}")
@ConditionalOnPaymentSandbox
class SandboxPortalPageController {

    private final SandboxPayments sandbox;

    SandboxPortalPageController(SandboxPayments sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping
    String show(@PathVariable String customerId, Model model) {
        model.addAttribute("customer", sandbox.customer(customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("subscriptions", sandbox.subscriptionsOf(customerId));
        return "billing/sandbox-portal";
    }

    @PostMapping("/subscriptions/{subscriptionId}/quantity")
    String changeQuantity(@PathVariable String customerId, @PathVariable String subscriptionId,
            @RequestParam int quantity) {
        change(customerId, subscriptionId, new SandboxPayments.SubscriptionChange(quantity, null, null));
        return backTo(customerId);
    }

    @PostMapping("/subscriptions/{subscriptionId}/cancel")
    String cancel(@PathVariable String customerId, @PathVariable String subscriptionId) {
        change(customerId, subscriptionId, new SandboxPayments.SubscriptionChange(null, null, true));
        return backTo(customerId);
    }

    @PostMapping("/subscriptions/{subscriptionId}/renew")
    String renew(@PathVariable String customerId, @PathVariable String subscriptionId) {
        change(customerId, subscriptionId, new SandboxPayments.SubscriptionChange(null, null, false));
        return backTo(customerId);
    }

    private void change(String customerId, String subscriptionId, SandboxPayments.SubscriptionChange change) {
        sandbox.subscription(subscriptionId).filter(subscription -> subscription.customerId().equals(customerId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        sandbox.changeSubscription(subscriptionId, change, true);
    }

    private static String backTo(String customerId) {
        return "redirect:/sandbox/portal/" + customerId;
    }
}
