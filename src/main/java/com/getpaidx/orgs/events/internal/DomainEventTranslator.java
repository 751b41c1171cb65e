package com.getpaidx.orgs.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.MemberAdded;
import com.getpaidx.orgs.membership.MemberRemoved;
import com.getpaidx.orgs.membership.MemberRoleChanged;
import com.getpaidx.orgs.organization.OrganizationArchived;
import com.getpaidx.orgs.seat.EntitlementChanged;
import com.getpaidx.orgs.seat.SeatChanged;
import com.getpaidx.orgs.usage.LowBalanceReached;
import com.getpaidx.orgs.wallet.TopUpPaid;

/**
 * The other modules' domain events as the app's event catalogue (docs/integration.md). Plain listeners: they run
 * inside the publishing transaction, so the outbox row commits or rolls back with the change.
 */
@Component
class DomainEventTranslator {

    private final EventOutbox outbox;

    DomainEventTranslator(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(EntitlementChanged event) {
        outbox.publish(event.orgId(), "entitlement.changed", data("userId", event.userId(), "orgId", event.orgId(),
                "pro", event.pro(), "reason", event.reason()));
    }

    @EventListener
    void on(SeatChanged event) {
        String type = switch (event.change()) {
            case ASSIGNED -> "seat.assigned";
            case SUSPENDED -> "seat.suspended";
            case RESTORED -> "seat.restored";
            case REVOKED, MEMBER_LEFT, MEMBER_REMOVED -> "seat.revoked";
        };
        Map<String, Object> data = data("orgId", event.orgId(), "userId", event.userId(), "actorUserId", event.actor());
        if (type.equals("seat.revoked")) {
            data.put("reason", event.change());
        }
        outbox.publish(event.orgId(), type, data);
    }

    @EventListener
    void on(MemberAdded event) {
        outbox.publish(event.orgId(), "member.added", data("orgId", event.orgId(), "userId", event.userId(),
                "role", event.role(), "invitedBy", event.invitedBy()));
    }

    @EventListener
    void on(MemberRemoved event) {
        outbox.publish(event.orgId(), "member.removed", data("orgId", event.orgId(), "userId", event.userId(),
                "left", event.left(), "actorUserId", event.actor()));
    }

    @EventListener
    void on(MemberRoleChanged event) {
        outbox.publish(event.orgId(), "member.role_changed", data("orgId", event.orgId(), "userId", event.userId(),
                "before", event.before(), "after", event.after(), "actorUserId", event.actor()));
    }

    @EventListener
    void on(OrganizationArchived event) {
        outbox.publish(event.orgId(), "org.archived", data("orgId", event.orgId(), "actorUserId", event.actor()));
    }

    @EventListener
    void on(LowBalanceReached event) {
        outbox.publish(event.orgId(), "wallet.low_balance", data("orgId", event.orgId(), "balance", event.balance(),
                "threshold", event.threshold()));
    }

    @EventListener
    void on(TopUpPaid event) {
        outbox.publish(event.orgId(), "wallet.topup_paid", data("orgId", event.orgId(), "topUpId", event.topUpId(),
                "credits", event.credits(), "balance", event.balanceAfter()));
    }

    /** Keys and values in turn; values are written as the API writes them (ids as strings, credits as decimals). */
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }
}
