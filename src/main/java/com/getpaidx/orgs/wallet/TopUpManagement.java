package com.getpaidx.orgs.wallet;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.billing.BillingManagement;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.TopUpCheckout;
import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.organization.Organization;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.GetPaidXProperties;
import com.getpaidx.orgs.shared.IdempotencyConflict;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.wallet.internal.JdbcTopUpRepository;

/**
 * Buying credits. A top-up is written first, then the provider's checkout is made outside any
 * transaction (with the top-up id as its idempotency key), then attached; credits come only from the
 * provider's word that the payment arrived.
 */
@Service
public class TopUpManagement {

    private static final Logger log = LoggerFactory.getLogger(TopUpManagement.class);
    private static final int MAX_KEY = 200;

    /** @param replayed true when an earlier request with the same idempotency key made this top-up */
    public record Started(TopUp topUp, boolean replayed) {
    }

    private final JdbcTopUpRepository topUps;
    private final TopUpPackages packages;
    private final Authorizer authorizer;
    private final OrganizationManagement organizations;
    private final BillingManagement billing;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final GetPaidXProperties service;
    private final Clock clock;

    TopUpManagement(JdbcTopUpRepository topUps, TopUpPackages packages, Authorizer authorizer,
            OrganizationManagement organizations, BillingManagement billing, AuditLog audit,
            TransactionTemplate transactions, GetPaidXProperties service, Clock clock) {
        this.topUps = topUps;
        this.packages = packages;
        this.authorizer = authorizer;
        this.organizations = organizations;
        this.billing = billing;
        this.audit = audit;
        this.transactions = transactions;
        this.service = service;
        this.clock = clock;
    }

    public List<TopUpPackage> packages() {
        return packages.all();
    }

    public Started start(OrgId org, UserId caller, String packageId, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
            throw new InvalidInput("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters");
        }
        Started started = transactions.execute(tx -> record(org, caller, packageId, idempotencyKey));
        TopUp topUp = started.topUp();
        if (topUp.checkoutUrl() != null || topUp.status() != TopUpStatus.PENDING) {
            return started;
        }
        Organization organization = organizations.find(org).orElseThrow();
        TopUpPackage pack = packages.find(topUp.packageId()).orElseThrow();
        String customer = billing.customerFor(org, organization.name());
        HostedCheckout checkout = billing.provider().createTopUpCheckout(new TopUpCheckout(customer, org, topUp.id(),
                pack.name() + " credits (" + pack.credits() + ")", topUp.price().amountMinor(), topUp.price().currency(),
                service.link("/settings/organizations/" + org + "/wallet/topups/" + topUp.id() + "/return"),
                service.link("/settings/organizations/" + org + "/wallet?topup=cancelled"),
                "topup-checkout-" + topUp.id()));
        transactions.executeWithoutResult(tx -> topUps.attachCheckout(topUp.id(), checkout.sessionId(), checkout.url()));
        log.info("Top-up {} of org {} sent to checkout {}", topUp.id(), org, checkout.sessionId());
        return new Started(topUps.find(org, topUp.id()).orElseThrow(), started.replayed());
    }

    private Started record(OrgId org, UserId caller, String packageId, String idempotencyKey) {
        authorizer.requireActing(org, caller, Permission.MANAGE_BILLING);
        TopUpPackage pack = packages.find(packageId)
                .orElseThrow(() -> new InvalidInput("packageId", "is not one of the top-up packages"));
        UUID id = UUID.randomUUID();
        if (!topUps.insert(id, org, pack, idempotencyKey, caller, clock.instant())) {
            TopUp earlier = topUps.findByKey(org, idempotencyKey).orElseThrow();
            if (!earlier.packageId().equals(packageId)) {
                throw new IdempotencyConflict();
            }
            return new Started(earlier, true);
        }
        audit.record(new AuditRecord(org, caller, "wallet.topup_started", "topup", id.toString(), null,
                Map.of("packageId", pack.id(), "credits", pack.credits().toString(), "price", pack.price().display())));
        return new Started(topUps.find(org, id).orElseThrow(), false);
    }

    @Transactional(readOnly = true)
    public Page<TopUp> list(OrgId org, UserId caller, PageRequest request) {
        authorizer.require(org, caller, Permission.MANAGE_BILLING);
        return request.page(topUps.page(org, request), topUp -> new Cursor.Position(topUp.createdAt(), topUp.id()));
    }

    /**
     * The payer came back from the checkout: ask the provider rather than wait for its webhook. The
     * grant goes through the same idempotent path, so it happens once whichever arrives first.
     */
    public TopUp confirmReturn(OrgId org, UserId caller, UUID topUpId) {
        authorizer.require(org, caller, Permission.MANAGE_BILLING);
        TopUp topUp = topUps.find(org, topUpId).orElseThrow(TopUpNotFound::new);
        if (topUp.status() == TopUpStatus.PENDING && topUp.checkoutSessionId() != null) {
            billing.confirmCheckout(org, topUp.checkoutSessionId());
        }
        return topUps.find(org, topUpId).orElseThrow();
    }
}
