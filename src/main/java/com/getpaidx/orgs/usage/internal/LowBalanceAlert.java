package com.getpaidx.orgs.usage.internal;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.mail.MailOutbox;
import com.getpaidx.orgs.mail.OutgoingMail;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.LogContext;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.LowBalanceReached;
import com.getpaidx.orgs.wallet.WalletDebited;

/**
 * Tells billing managers once when charges take the balance below the threshold. Only the charge
 * that crosses it (balance before at or above, after below) alerts, so a top-up that lifts the
 * balance back over the line re-arms it without any stored flag; charges to one wallet are
 * serialized by its row lock, so exactly one charge crosses.
 */
@Component
public class LowBalanceAlert {

    private static final Logger log = LoggerFactory.getLogger(LowBalanceAlert.class);

    private final MembershipManagement memberships;
    private final OrganizationManagement organizations;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Counter alerts;
    private final JdbcSpendPolicyRepository policies;

    LowBalanceAlert(MembershipManagement memberships, OrganizationManagement organizations, MailOutbox mail,
            AuditLog audit, ApplicationEventPublisher events, MeterRegistry meters, JdbcSpendPolicyRepository policies) {
        this.policies = policies;
        this.events = events;
        this.alerts = Counter.builder("getpaidx.wallet.low.balance.alerts")
                .description("Balances that fell below their alert threshold (each alert mails the billing managers)")
                .register(meters);
        this.memberships = memberships;
        this.organizations = organizations;
        this.mail = mail;
        this.audit = audit;
    }

    /**
     * A debit of the wallet module (a refund's reversal, an adjustment) crosses the threshold as a charge does:
     * alerted in its transaction, under the same wallet lock, so it and the charges take turns and one crosses.
     */
    @EventListener
    void on(WalletDebited debit) {
        check(debit.orgId(), policies.find(debit.orgId()).lowBalanceThreshold(), debit.before(), debit.after());
    }

    /** In the transaction that takes the crossing off {@code usage_low_balance}: the mails are queued and the event audited. */
    public void check(OrgId org, Credits threshold, Credits before, Credits after) {
        if (threshold == null || before.compareTo(threshold) < 0 || after.compareTo(threshold) >= 0) {
            return;
        }
        try (var context = LogContext.with(LogContext.ORG_ID, org)) {
            alert(org, threshold, before, after);
        }
    }

    private void alert(OrgId org, Credits threshold, Credits before, Credits after) {
        String name = organizations.find(org).map(o -> o.name()).orElse("your organization");
        var managers = memberships.membersWith(org, Permission.MANAGE_BILLING);
        for (var manager : managers) {
            mail.enqueue(new OutgoingMail(manager.email(), "Low AI-credit balance in " + name,
                    """
                    The AI-credit balance of %s fell to %s credits, below your alert threshold of %s.

                    Top up the wallet in Settings → Organizations to keep org-billed workspaces running.
                    """.formatted(name, after, threshold),
                    "<p>The AI-credit balance of <strong>%s</strong> fell to <strong>%s</strong> credits, below your alert threshold of %s.</p><p>Top up the wallet in Settings → Organizations to keep org-billed workspaces running.</p>"
                            .formatted(HtmlUtils.htmlEscape(name), after, threshold)));
        }
        audit.record(new AuditRecord(org, null, "wallet.low_balance", "wallet", org.toString(),
                Map.of("balance", before.toString()), Map.of("balance", after.toString(), "threshold", threshold.toString(),
                        "notified", managers.size())));
        events.publishEvent(new LowBalanceReached(org, threshold, after));
        log.info("Org {} balance fell below its threshold {}: {} billing managers notified", org, threshold, managers.size());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    alerts.increment();
                }
            });
        }
        else {
            alerts.increment();
        }
    }
}
