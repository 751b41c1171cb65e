package com.getpaidx.orgs.seat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.billing.BillingManagement;
import com.getpaidx.orgs.billing.HostedCheckout;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.billing.SubscriptionChanged;
import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.organization.Organization;
import com.getpaidx.orgs.seat.internal.JdbcSeatRepository;
import com.getpaidx.orgs.seat.internal.JdbcSeatRepository.SubscriptionRow;
import com.getpaidx.orgs.seat.internal.SeatBook;
import com.getpaidx.orgs.seat.internal.SeatCheckouts;
import com.getpaidx.orgs.seat.internal.SeatRules;
import com.getpaidx.orgs.shared.GetPaidXProperties;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * An org's Pro seats as members and billing managers use them. Checkout, portal and sync talk to the
 * payment provider: that happens between transactions, never inside one. Permissions are checked here, so
 * the API and the page cannot disagree.
 */
@Service
public class SeatManagement {

    private static final Logger log = LoggerFactory.getLogger(SeatManagement.class);

    private final JdbcSeatRepository seats;
    private final SeatBook book;
    private final SeatCheckouts checkouts;
    private final Authorizer authorizer;
    private final BillingManagement billing;
    private final SeatProperties properties;
    private final GetPaidXProperties service;
    private final TransactionTemplate transactions;

    SeatManagement(JdbcSeatRepository seats, SeatBook book, SeatCheckouts checkouts, Authorizer authorizer,
            BillingManagement billing, SeatProperties properties, GetPaidXProperties service,
            TransactionTemplate transactions) {
        this.seats = seats;
        this.book = book;
        this.checkouts = checkouts;
        this.authorizer = authorizer;
        this.billing = billing;
        this.properties = properties;
        this.service = service;
        this.transactions = transactions;
    }

    /** Every member sees the org's seats. */
    @Transactional(readOnly = true)
    public Seats seats(OrgId org, UserId caller) {
        authorizer.require(org, caller, Permission.VIEW);
        return view(org);
    }

    /**
     * Starts a subscription-mode checkout for {@code quantity} seats and returns where to send the payer. Only
     * while the org has no live subscription: more seats are bought by changing its quantity in the portal.
     * The org's earlier checkouts still open expire at the provider, so two tabs cannot both pay.
     */
    public String startCheckout(OrgId org, UserId caller, int quantity) {
        if (quantity < SeatCheckout.MIN_QUANTITY || quantity > SeatCheckout.MAX_QUANTITY) {
            throw new InvalidInput("quantity", "must be " + SeatCheckout.MIN_QUANTITY + " to " + SeatCheckout.MAX_QUANTITY);
        }
        Organization organization = transactions.execute(tx -> {
            Organization active = authorizer.requireActing(org, caller, Permission.MANAGE_SEATS).organization();
            if (seats.find(org).filter(row -> SeatRules.live(row.status())).isPresent()) {
                throw new SubscriptionExists();
            }
            return active;
        });
        String customer = billing.customerFor(org, organization.name());
        String page = "/settings/organizations/" + org;
        HostedCheckout checkout = billing.provider().createSeatCheckout(new SeatCheckout(customer, org,
                properties.priceId(), quantity,
                service.link(page + "/seats/checkout/return?session_id={CHECKOUT_SESSION_ID}"),
                service.link(page + "/seats?seats=cancelled"),
                "seat-checkout-" + org + "-" + UUID.randomUUID()));
        log.info("Seat checkout {} for {} seats of org {} started by {}", checkout.sessionId(), quantity, org, caller);
        checkouts.started(org, checkout.sessionId(), billing.provider());
        return checkout.url();
    }

    /**
     * The payer came back from the checkout: ask the provider rather than wait for its webhook. The
     * subscription goes through the inbox like the webhook's, so it is applied once whichever comes first.
     * The session id comes from the URL: one that is not this org's checkout is ignored.
     */
    public void confirmCheckout(OrgId org, UserId caller, String sessionId) {
        transactions.executeWithoutResult(tx -> authorizer.require(org, caller, Permission.MANAGE_SEATS));
        billing.confirmCheckout(org, sessionId);
    }

    /** A billing-portal session for the org's customer, returning to the org's page. */
    public String openPortal(OrgId org, UserId caller) {
        SubscriptionRow row = transactions.execute(tx -> {
            authorizer.require(org, caller, Permission.MANAGE_SEATS);
            return seats.find(org).filter(SubscriptionRow::hasSubscription).orElseThrow(NoSubscription::new);
        });
        String url = billing.provider().createPortalSession(row.customerId(),
                service.link("/settings/organizations/" + org + "/seats/portal/return"));
        log.info("Billing portal opened for org {} by {}", org, caller);
        return url;
    }

    /** Asks the provider for the subscription's current state and applies it, as a webhook would. */
    public Seats sync(OrgId org, UserId caller) {
        String subscriptionId = transactions.execute(tx -> {
            authorizer.require(org, caller, Permission.MANAGE_SEATS);
            return seats.find(org).filter(SubscriptionRow::hasSubscription).orElseThrow(NoSubscription::new)
                    .subscriptionId();
        });
        Optional<SubscriptionChanged> current = billing.fetchSubscription(subscriptionId);
        return transactions.execute(tx -> {
            current.ifPresent(change -> book.apply(change, caller));
            return view(org);
        });
    }

    @Transactional
    public SeatAssignment assign(OrgId org, UserId caller, UserId user) {
        authorizer.requireActing(org, caller, Permission.MANAGE_SEATS);
        return book.assign(org, user, caller);
    }

    @Transactional
    public void revoke(OrgId org, UserId caller, UserId user) {
        authorizer.requireActing(org, caller, Permission.MANAGE_SEATS);
        book.revoke(org, user, caller);
    }

    private Seats view(OrgId org) {
        Optional<SubscriptionRow> row = seats.find(org);
        List<SeatAssignment> assignments = seats.assignments(org);
        int paid = row.map(book::paid).orElse(0);
        int assigned = count(assignments, AssignmentStatus.ACTIVE);
        SeatSubscription subscription = row.map(SubscriptionRow::subscription).orElse(null);
        return new Seats(paid, assigned, Math.max(0, paid - assigned), count(assignments, AssignmentStatus.SUSPENDED),
                subscription, subscription != null && SeatRules.live(subscription.status()), assignments,
                book.liveDuplicates(org));
    }

    private static int count(List<SeatAssignment> assignments, AssignmentStatus status) {
        return (int) assignments.stream().filter(assignment -> assignment.status() == status).count();
    }
}
