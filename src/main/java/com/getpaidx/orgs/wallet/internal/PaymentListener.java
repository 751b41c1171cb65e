package com.getpaidx.orgs.wallet.internal;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.billing.ChargeRefunded;
import com.getpaidx.orgs.billing.CheckoutExpired;
import com.getpaidx.orgs.billing.CheckoutPaid;
import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.wallet.EntryType;
import com.getpaidx.orgs.wallet.TopUp;
import com.getpaidx.orgs.wallet.TopUpStatus;

/**
 * Turns the provider's word into ledger entries, inside the inbox's processing transaction: a paid
 * checkout grants its top-up once, an expired one marks it, a refund takes back its share.
 */
@Component
class PaymentListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

    private final JdbcTopUpRepository topUps;
    private final Ledger ledger;
    private final AuditLog audit;
    private final java.time.Clock clock;

    PaymentListener(JdbcTopUpRepository topUps, Ledger ledger, AuditLog audit, java.time.Clock clock) {
        this.topUps = topUps;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(CheckoutPaid event) {
        topUpOf(event.session()).ifPresent(topUp -> {
            if (topUp.status() == TopUpStatus.PAID || topUp.status() == TopUpStatus.REFUNDED) {
                return; // granted before: this is a second report of the same payment
            }
            topUps.markPaid(topUp.id(), event.session().paymentIntentId(), clock.instant());
            var applied = ledger.apply(topUp.orgId(), EntryType.TOPUP, topUp.credits(), "topup:" + topUp.id(),
                    "topup:" + topUp.id());
            audit.record(new AuditRecord(topUp.orgId(), null, "wallet.topup_paid", "topup", topUp.id().toString(),
                    Map.of("status", topUp.status().json()),
                    Map.of("status", "paid", "credits", topUp.credits().toString(), "balance", applied.balanceAfter().toString())));
            log.info("Top-up {} paid: {} credits granted to org {}", topUp.id(), topUp.credits(), topUp.orgId());
        });
    }

    @EventListener
    void on(CheckoutExpired event) {
        topUpOf(event.session()).filter(topUp -> topUp.status() == TopUpStatus.PENDING).ifPresent(topUp -> {
            topUps.markExpired(topUp.id());
            audit.record(new AuditRecord(topUp.orgId(), null, "wallet.topup_expired", "topup", topUp.id().toString(),
                    Map.of("status", "pending"), Map.of("status", "expired")));
            log.info("Top-up {} of org {} expired unpaid", topUp.id(), topUp.orgId());
        });
    }

    /**
     * Reverses the refunded share of the top-up's credits. The event carries the cumulative refund,
     * so repeats and late arrivals change nothing; what the balance cannot cover is written down.
     */
    @EventListener
    void on(ChargeRefunded event) {
        topUps.lockByPaymentIntent(event.paymentIntentId()).ifPresent(state -> {
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
        });
    }

    /** The top-up a payment-mode checkout was for; a session of another kind or environment is not ours. */
    private Optional<TopUp> topUpOf(CheckoutState session) {
        if (!"payment".equals(session.mode())) {
            return Optional.empty();
        }
        String reference = session.clientReferenceId() != null ? session.clientReferenceId()
                : session.metadata() == null ? null : session.metadata().get("top_up_id");
        try {
            return reference == null ? Optional.empty() : topUps.lock(UUID.fromString(reference));
        }
        catch (IllegalArgumentException e) {
            log.warn("Checkout {} refers to {}, which is no top-up id", session.sessionId(), reference);
            return Optional.empty();
        }
    }
}
