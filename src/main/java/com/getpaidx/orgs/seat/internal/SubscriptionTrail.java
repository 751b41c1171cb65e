package com.getpaidx.orgs.seat.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.seat.SeatProperties;
import com.getpaidx.orgs.shared.UserId;

/** What the seat book tells about subscriptions: the seats each pays for, and its audit entries and log lines. */
@Component
class SubscriptionTrail {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionTrail.class);

    private final AuditLog audit;
    private final SeatProperties properties;

    SubscriptionTrail(AuditLog audit, SeatProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    /** The seats this one subscription pays for. */
    int paid(JdbcSeatRepository.SubscriptionRow row) {
        return SeatRules.paid(row.status(), row.quantity(), properties.pastDueGrace());
    }

    /** Audits a change of the subscription, if anything a person would see changed. */
    void updated(JdbcSeatRepository.SubscriptionRow before, JdbcSeatRepository.SubscriptionRow after, String cause,
            UserId actor) {
        if (sameSubscription(before, after)) {
            return;
        }
        audit.record(new AuditRecord(after.orgId(), actor, "subscription.updated", "subscription", after.subscriptionId(),
                before.hasSubscription() ? describe(before) : null, describe(after)));
        log.info("Seat subscription {} of org {}: {} × {} ({} paid), from {}", after.subscriptionId(), after.orgId(),
                after.status(), after.quantity(), paid(after), cause);
    }

    /** A second live subscription beside the org's own: audited once, and a warning for the operator. */
    void duplicated(JdbcSeatRepository.SubscriptionRow own, JdbcSeatRepository.SubscriptionRow duplicate, String cause,
            UserId actor) {
        audit.record(new AuditRecord(own.orgId(), actor, "seat.duplicate_subscription", "subscription",
                duplicate.subscriptionId(), describe(own), describe(duplicate)));
        log.warn("Org {} has a second live seat subscription {} ({} seats) beside {}: its seats count; a billing"
                + " manager should cancel one in the portal ({})", own.orgId(), duplicate.subscriptionId(),
                duplicate.quantity(), own.subscriptionId(), cause);
    }

    static SubscriptionState state(JdbcSeatRepository.SubscriptionRow row) {
        return new SubscriptionState(row.subscriptionId(), row.customerId(), row.status(), row.quantity(),
                row.currentPeriodEnd(), row.cancelAtPeriodEnd(), Map.of());
    }

    private static boolean sameSubscription(JdbcSeatRepository.SubscriptionRow before,
            JdbcSeatRepository.SubscriptionRow after) {
        return Objects.equals(before.subscriptionId(), after.subscriptionId())
                && Objects.equals(before.status(), after.status()) && before.quantity() == after.quantity()
                && Objects.equals(before.currentPeriodEnd(), after.currentPeriodEnd())
                && before.cancelAtPeriodEnd() == after.cancelAtPeriodEnd();
    }

    private Map<String, Object> describe(JdbcSeatRepository.SubscriptionRow row) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", row.subscriptionId());
        described.put("status", row.status());
        described.put("quantity", row.quantity());
        described.put("paidSeats", paid(row));
        described.put("currentPeriodEnd", row.currentPeriodEnd() == null ? null : row.currentPeriodEnd().toString());
        described.put("cancelAtPeriodEnd", row.cancelAtPeriodEnd());
        return described;
    }
}
