package com.getpaidx.orgs.billing.sandbox;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;

/**
 * The sandbox's stand-in for Stripe's dashboard and CLI, for tests and for trying things by hand.
 * Without authentication, and absent whenever Stripe is the provider (never in production).
 */
@RestController
@RequestMapping("/sandbox/api")
@ConditionalOnPaymentSandbox
class SandboxApiController {

    record RefundRequest(@NotNull UUID topUpId, @NotNull @Positive Long amountMinor) {
    }

    private final SandboxPayments sandbox;

    SandboxApiController(SandboxPayments sandbox) {
        this.sandbox = sandbox;
    }

    /** {@code ?deliverEvent=false} holds the webhook back, to try what a slow one does. */
    @PostMapping("/checkout-sessions/{id}/complete")
    SandboxSession complete(@PathVariable String id,
            @RequestParam(defaultValue = "true") boolean deliverEvent) {
        return sandbox.complete(id, deliverEvent);
    }

    @PostMapping("/checkout-sessions/{id}/expire")
    SandboxSession expire(@PathVariable String id) {
        return sandbox.expire(id);
    }

    @GetMapping("/subscriptions/{id}")
    SandboxSubscription subscription(@PathVariable String id) {
        return sandbox.subscription(id).orElseThrow(SubscriptionNotFound::new);
    }

    /**
     * {@code {"quantity":n,"status":"…","cancelAtPeriodEnd":b}}, each optional; sends
     * {@code customer.subscription.updated} ({@code .deleted} when canceled). {@code ?deliverEvent=false}
     * holds the webhook back.
     */
    @PostMapping("/subscriptions/{id}")
    SandboxSubscription changeSubscription(@PathVariable String id, @RequestBody SandboxPayments.SubscriptionChange change,
            @RequestParam(defaultValue = "true") boolean deliverEvent) {
        return sandbox.changeSubscription(id, change, deliverEvent);
    }

    @PostMapping("/charges/refund")
    SandboxPayments.Refund refund(@Valid @RequestBody RefundRequest request) {
        return sandbox.refund(request.topUpId(), request.amountMinor());
    }

    @PostMapping("/events/{eventId}/redeliver")
    SandboxPayments.Redelivery redeliver(@PathVariable String eventId) {
        return sandbox.redeliver(eventId);
    }

    @GetMapping("/events")
    Page<SandboxPayments.Event> events(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return sandbox.events(PageRequest.of(limit, cursor));
    }
}
