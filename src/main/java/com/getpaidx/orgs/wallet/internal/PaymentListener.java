package com.getpaidx.orgs.wallet.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.billing.ChargeRefunded;
import com.getpaidx.orgs.billing.CheckoutExpired;
import com.getpaidx.orgs.billing.CheckoutPaid;
import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.billing.OutOfOrderEvent;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.wallet.EntryType;
import com.getpaidx.orgs.wallet.TopUp;
import com.getpaidx.orgs.wallet.TopUpPaid;
import com.getpaidx.orgs.wallet.TopUpStatus;
import com.getpaidx.orgs.wallet.internal.JdbcTopUpRepository.RefundState;

/**
 * Turns the provider's word into ledger entries, inside the inbox's processing transaction: a top-up's own
 * paid checkout grants it once, its own expired one marks it, a refund takes back its share.
 */
@Component
class PaymentListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

    private final JdbcTopUpRepository topUps;
    private final Ledger ledger;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentListener(JdbcTopUpRepository topUps, Ledger ledger, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.topUps = topUps;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A session that names a top-up but is not its own payment grants nothing; the event is still processed. */
    @EventListener
    void on(CheckoutPaid event) {
        CheckoutState session = event.session();
        topUpNamedBy(session).ifPresent(topUp -> {
            CheckoutMatch match = CheckoutMatch.of(topUp, session);
            if (match != CheckoutMatch.MATCHES) {
                recordMismatch(topUp, session, match, event.eventId());
                return;
            }
            if (topUp.status() == TopUpStatus.PAID || topUp.status() == TopUpStatus.REFUNDED) {
                return; // granted before: this is a second report of the same payment
            }
            topUps.markPaid(topUp.id(), session.paymentIntentId(), clock.instant());
            var applied = ledger.apply(topUp.orgId(), EntryType.TOPUP, topUp.credits(), "topup:" + topUp.id(),
                    "topup:" + topUp.id());
            audit.record(new AuditRecord(topUp.orgId(), null, "wallet.topup_paid", "topup", topUp.id().toString(),
                    Map.of("status", topUp.status().json()),
                    Map.of("status", "paid", "credits", topUp.credits().toString(), "balance", applied.balanceAfter().toString())));
            events.publishEvent(new TopUpPaid(topUp.orgId(), topUp.id(), topUp.credits(), applied.balanceAfter()));
            log.info("Top-up {} paid: {} credits granted to org {}", topUp.id(), topUp.credits(), topUp.orgId());
        });
    }

    @EventListener
    void on(CheckoutExpired event) {
        topUpNamedBy(event.session()).filter(topUp -> topUp.status() == TopUpStatus.PENDING).ifPresent(topUp -> {
            if (!event.session().sessionId().equals(topUp.checkoutSessionId())) {
                log.info("Checkout {} expired; it names top-up {} but is not its checkout", event.session().sessionId(),
                        topUp.id());
                return;
            }
            // a session that completed and still ends unpaid is a delayed payment that failed
            String reason = "complete".equals(event.session().status()) ? "payment_failed" : "checkout_expired";
            topUps.markExpired(topUp.id());
            audit.record(new AuditRecord(topUp.orgId(), null, "wallet.topup_expired", "topup", topUp.id().toString(),
                    Map.of("status", "pending"), Map.of("status", "expired", "reason", reason)));
            log.info("Top-up {} of org {} expired unpaid ({})", topUp.id(), topUp.orgId(), reason);
        });
    }

    /**
     * Reverses the refunded share of the top-up's credits. The event carries the cumulative refund,
     * so repeats and late arrivals change nothing; what the balance cannot cover is written down. A refund
     * of a top-up not granted yet (its payment's event may be late or in retry) waits in the inbox.
     */
    @EventListener
    void on(ChargeRefunded event) {
        Optional<RefundState> paid = topUps.lockByPaymentIntent(event.paymentIntentId());
        if (paid.isPresent()) {
            reverse(paid.get(), event);
            return;
        }
        Optional<RefundState> named = topUpId(event.metadata().get("top_up_id")).flatMap(topUps::lockForRefund);
        if (named.isEmpty()) {
            return; // not the payment of a top-up here
        }
        RefundState state = named.get();
        if (event.paymentIntentId() != null && event.paymentIntentId().equals(state.paymentIntentId())) {
            reverse(state, event); // granted meanwhile, by a transaction that committed while this one waited
        }
        else if (state.topUp().status() == TopUpStatus.PENDING) {
            throw new OutOfOrderEvent(state.topUp().id().toString(), "refund " + event.chargeId() + " of "
                    + event.paymentIntentId() + " arrived before top-up " + state.topUp().id() + " was granted");
        }
        else {
            log.warn("Refund {} of {} names top-up {}, which is {} and was not paid by it; ignored", event.chargeId(),
                    event.paymentIntentId(), state.topUp().id(), state.topUp().status().json());
        }
    }

    private void reverse(RefundState state, ChargeRefunded event) {
        TopUp topUp = state.topUp();
        long refunded = Math.min(event.amountRefundedMinor(), topUp.price().amountMinor());
        if (refunded <= topUp.refundedMinor()) {
            return;
        }
        long share = BigInteger.valueOf(topUp.credits().micros()).multiply(BigInteger.valueOf(refunded))
                .divide(BigInteger.valueOf(topUp.price().amountMinor())).longValueExact();
        long owed = share - state.creditsReversed() - state.creditsUnrecovered();
        long taken = Math.max(0, Math.min(owed, ledger.lockedBalance(topUp.orgId()).micros()));
        if (taken > 0) {
            ledger.apply(topUp.orgId(), EntryType.REFUND_REVERSAL, new Credits(-taken),
                    "refund:" + topUp.id() + ":" + refunded, "topup:" + topUp.id());
        }
        long unrecovered = Math.max(0, owed - taken);
        TopUpStatus status = refunded >= topUp.price().amountMinor() ? TopUpStatus.REFUNDED : topUp.status();
        topUps.recordRefund(topUp.id(), refunded, state.creditsReversed() + taken,
                state.creditsUnrecovered() + unrecovered, status);
        audit.record(new AuditRecord(topUp.orgId(), null, "wallet.topup_refunded", "topup", topUp.id().toString(),
                Map.of("refundedMinor", topUp.refundedMinor()),
                Map.of("refundedMinor", refunded, "creditsReversed", new Credits(taken).toString())));
        if (unrecovered > 0) {
            audit.record(new AuditRecord(topUp.orgId(), null, "wallet.refund_unrecovered", "topup",
                    topUp.id().toString(), null, Map.of("credits", new Credits(unrecovered).toString(),
                            "reason", "the balance was lower than the refunded share")));
        }
        log.info("Top-up {} refunded to {} minor units: {} credits reversed, {} unrecovered", topUp.id(), refunded,
                new Credits(taken), new Credits(unrecovered));
    }

    private void recordMismatch(TopUp topUp, CheckoutState session, CheckoutMatch match, String eventId) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("reason", match.json());
        seen.put("eventId", eventId);
        seen.put("sessionId", session.sessionId());
        seen.put("expectedSessionId", topUp.checkoutSessionId());
        seen.put("mode", session.mode());
        seen.put("paymentStatus", session.paymentStatus());
        seen.put("amountTotalMinor", session.amountTotalMinor());
        seen.put("currency", session.currency());
        seen.put("expectedAmountMinor", topUp.price().amountMinor());
        seen.put("expectedCurrency", topUp.price().currency());
        seen.put("paymentIntentId", session.paymentIntentId());
        audit.record(new AuditRecord(topUp.orgId(), null, "topup.payment_mismatch", "topup", topUp.id().toString(),
                Map.of("status", topUp.status().json()), seen));
        log.warn("Checkout {} ({}) names top-up {} of org {} but is not its payment ({}): {} {} {} paid as {}, expected"
                + " session {} for {} {}; nothing granted", session.sessionId(), eventId, topUp.id(), topUp.orgId(),
                match.json(), session.mode(), session.amountTotalMinor(), session.currency(), session.paymentStatus(),
                topUp.checkoutSessionId(), topUp.price().amountMinor(), topUp.price().currency());
    }

    /** The top-up a session names, locked; whether it is that top-up's own payment is for the caller to check. */
    private Optional<TopUp> topUpNamedBy(CheckoutState session) {
        String reference = session.clientReferenceId() != null ? session.clientReferenceId()
                : session.metadata() == null ? null : session.metadata().get("top_up_id");
        Optional<UUID> id = topUpId(reference);
        if (reference != null && id.isEmpty()) {
            log.info("Checkout {} refers to {}, which is no top-up id", session.sessionId(), reference);
        }
        return id.flatMap(topUps::lock);
    }

    private static Optional<UUID> topUpId(String reference) {
        try {
            return reference == null ? Optional.empty() : Optional.of(UUID.fromString(reference));
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
