package com.getpaidx.orgs.seat.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.billing.SubscriptionChanged;
import com.getpaidx.orgs.billing.SubscriptionState;
import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.MemberNotFound;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.seat.AssignmentStatus;
import com.getpaidx.orgs.seat.NoSeatAvailable;
import com.getpaidx.orgs.seat.SeatAssignment;
import com.getpaidx.orgs.seat.SeatChange;
import com.getpaidx.orgs.seat.SeatChanged;
import com.getpaidx.orgs.seat.SeatSubscription;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * The one place an org's seats change: the subscription applied from the provider, assignments made,
 * revoked and ended, and the reconciliation after each. Every method runs in its caller's transaction and
 * first locks the org's seat row, so changes to one org's seats take turns and never over-assign; each
 * change is audited there, and a user whose Pro flips is announced.
 */
@Component
public class SeatBook {

    private static final Logger log = LoggerFactory.getLogger(SeatBook.class);

    private final JdbcSeatRepository seats;
    private final JdbcDuplicateSubscriptionRepository duplicates;
    private final EntitlementTracker entitlements;
    private final Authorizer authorizer;
    private final SubscriptionOwners owners;
    private final OrganizationManagement organizations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SubscriptionTrail trail;
    private final Clock clock;

    SeatBook(JdbcSeatRepository seats, JdbcDuplicateSubscriptionRepository duplicates, EntitlementTracker entitlements, Authorizer authorizer,
            SubscriptionOwners owners, OrganizationManagement organizations, AuditLog audit, ApplicationEventPublisher events,
            SubscriptionTrail trail, Clock clock) {
        this.events = events;
        this.seats = seats;
        this.duplicates = duplicates;
        this.entitlements = entitlements;
        this.authorizer = authorizer;
        this.owners = owners;
        this.organizations = organizations;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
    }

    /** The seats the org pays for: those of its subscription and of any duplicate one. */
    public int paid(JdbcSeatRepository.SubscriptionRow row) {
        return trail.paid(row) + duplicates.ofOrg(row.orgId()).stream().mapToInt(trail::paid).sum();
    }

    /** The org's further live subscriptions, which a billing manager should cancel in the portal. */
    public List<SeatSubscription> liveDuplicates(OrgId org) {
        return duplicates.ofOrg(org).stream().filter(row -> SeatRules.live(row.status()))
                .map(JdbcSeatRepository.SubscriptionRow::subscription).toList();
    }

    /**
     * Gives {@code user} an active seat if an unassigned paid one exists. Already active: nothing changes.
     * The membership is read after the org's seat row is locked, so a removal that commits meanwhile
     * finds this assignment and ends it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SeatAssignment assign(OrgId org, UserId user, UserId actor) {
        JdbcSeatRepository.SubscriptionRow row = seats.lockOrCreate(org, clock.instant());
        authorizer.roleOf(org, user).orElseThrow(MemberNotFound::new);
        Optional<SeatAssignment> current = seats.assignment(org, user);
        if (current.filter(assignment -> assignment.status() == AssignmentStatus.ACTIVE).isPresent()) {
            return current.get();
        }
        if (seats.countActive(org) >= paid(row)) {
            throw new NoSeatAvailable();
        }
        seats.activate(org, user, clock.instant());
        audit.record(new AuditRecord(org, actor, "seat.assigned", "seat", user.toString(),
                Map.of("status", current.map(assignment -> assignment.status().json()).orElse("none")),
                Map.of("status", "active")));
        events.publishEvent(new SeatChanged(org, user, SeatChange.ASSIGNED, actor));
        entitlements.refresh(org, Map.of(user, SeatChange.ASSIGNED));
        log.info("Seat of org {} assigned to {} by {}", org, user, actor);
        return seats.assignment(org, user).orElseThrow();
    }

    /** Takes the seat back; the member stays in the org, and a suspended seat may come back in its place. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revoke(OrgId org, UserId user, UserId actor) {
        Optional<JdbcSeatRepository.SubscriptionRow> row = seats.lock(org);
        authorizer.roleOf(org, user).orElseThrow(MemberNotFound::new);
        row.ifPresent(locked -> takeBack(locked, user, AssignmentStatus.REVOKED, actor, "seat.revoked", SeatChange.REVOKED));
    }

    /** The member left or was removed: their assignment ends and frees its seat. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void end(OrgId org, UserId user, UserId actor, SeatChange reason) {
        seats.lock(org).ifPresent(locked -> takeBack(locked, user, AssignmentStatus.ENDED, actor, "seat.ended", reason));
    }

    private void takeBack(JdbcSeatRepository.SubscriptionRow row, UserId user, AssignmentStatus status, UserId actor,
            String action, SeatChange change) {
        OrgId org = row.orgId();
        Optional<SeatAssignment> current = seats.assignment(org, user);
        if (current.isEmpty() || current.get().status() == status || current.get().status() == AssignmentStatus.ENDED) {
            return;
        }
        seats.setStatus(org, user, status, clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.json());
        if (change != SeatChange.REVOKED) {
            after.put("reason", change.json());
        }
        audit.record(new AuditRecord(org, actor, action, "seat", user.toString(),
                Map.of("status", current.get().status().json()), after));
        log.info("Seat of org {} held by {} is now {} ({})", org, user, status.json(), actor == null ? "no actor" : actor);
        events.publishEvent(new SeatChanged(org, user, change, actor));
        Map<UserId, SeatChange> changed = new LinkedHashMap<>(reconcile(row, actor));
        changed.put(user, change);
        entitlements.refresh(org, changed);
    }

    /**
     * Applies the provider's current state of a subscription. A look older than the one the row came from
     * is ignored, so events in any order, repeated or late, end at the provider's latest state. A new live
     * subscription replaces one that ended (seats bought again); while the org's subscription is live, another
     * live one (a second checkout paid in parallel) is a duplicate: the org pays for its seats, so they count,
     * until a billing manager cancels one. When the org's own ends, a live duplicate takes its place. An ended
     * subscription that is not the org's (any more) is kept beside it with its look, so that a stale look saying it is
     * live is older and ignored: a canceled subscription never pays for seats again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SubscriptionChanged change, UserId actor) {
        SubscriptionState state = change.subscription();
        Optional<OrgId> owner = owners.ownerOf(state);
        if (owner.isEmpty()) {
            log.info("Subscription {} ({}) is no seat subscription of an org here; ignored", state.id(), change.eventId());
            return;
        }
        OrgId org = owner.get();
        JdbcSeatRepository.SubscriptionRow row = seats.lockOrCreate(org, clock.instant());
        boolean other = row.hasSubscription() && !row.subscriptionId().equals(state.id());
        Optional<JdbcSeatRepository.SubscriptionRow> duplicate = duplicates.find(state.id());
        // beside the org's: a second live one, or one that ended (kept, so a stale look saying live is older)
        if (duplicate.isPresent() || (other && (SeatRules.live(row.status()) || !SeatRules.live(state.status())))) {
            applyDuplicate(row, duplicate, change, actor);
            return;
        }
        if (!other && row.hasSubscription() && change.observation() <= row.observation()) {
            log.info("Subscription {} seen in {} is older than what org {} holds; ignored", state.id(),
                    change.eventId(), org);
            return;
        }
        if (other) {
            retire(row);
        }
        seats.updateSubscription(org, state, change.observation(), clock.instant());
        trail.updated(row, seats.find(org).orElseThrow(), change.eventId(), actor);
        if (!SeatRules.live(state.status())) {
            promoteDuplicate(org, actor);
        }
        entitlements.refresh(org, reconcile(seats.find(org).orElseThrow(), actor));
    }

    private void applyDuplicate(JdbcSeatRepository.SubscriptionRow own,
            Optional<JdbcSeatRepository.SubscriptionRow> before, SubscriptionChanged change, UserId actor) {
        OrgId org = own.orgId();
        SubscriptionState state = change.subscription();
        if (before.isPresent() && change.observation() <= before.get().observation()) {
            log.info("Duplicate subscription {} seen in {} is older than what org {} holds; ignored", state.id(),
                    change.eventId(), org);
            return;
        }
        duplicates.save(org, state, change.observation(), clock.instant());
        JdbcSeatRepository.SubscriptionRow after = duplicates.find(state.id()).orElseThrow();
        if (before.isEmpty() && !SeatRules.live(state.status())) {
            log.info("Subscription {} of org {} ended beside the org's {}; kept as ended ({})", state.id(), org,
                    own.subscriptionId(), change.eventId());
        }
        else if (before.isEmpty()) {
            trail.duplicated(own, after, change.eventId(), actor);
        }
        else {
            trail.updated(before.get(), after, change.eventId(), actor);
        }
        entitlements.refresh(org, reconcile(seats.find(org).orElseThrow(), actor));
    }

    /** The org's subscription ended: its oldest live duplicate (if any) becomes the org's subscription. */
    private void promoteDuplicate(OrgId org, UserId actor) {
        duplicates.ofOrg(org).stream().filter(row -> SeatRules.live(row.status())).findFirst().ifPresent(next -> {
            JdbcSeatRepository.SubscriptionRow ended = seats.find(org).orElseThrow();
            duplicates.delete(next.subscriptionId());
            retire(ended);
            seats.updateSubscription(org, SubscriptionTrail.state(next), next.observation(), clock.instant());
            trail.updated(ended, seats.find(org).orElseThrow(), "duplicate of " + ended.subscriptionId(), actor);
        });
    }

    /**
     * The org's ended subscription, about to be replaced, is kept beside it as it was last seen, so a stale look at
     * it that still says live is recognised as older and ignored instead of counted as a duplicate.
     */
    private void retire(JdbcSeatRepository.SubscriptionRow ended) {
        duplicates.save(ended.orgId(), SubscriptionTrail.state(ended), ended.observation() == null ? 0 : ended.observation(),
                clock.instant());
    }

    /**
     * The org was unarchived: suspended seats come back as far as seats are paid (a subscription paid while it was
     * archived restores none until now).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resume(OrgId org, UserId actor) {
        seats.lock(org).ifPresent(row -> entitlements.refresh(org, reconcile(row, actor)));
    }

    /**
     * Suspends the newest active assignments beyond the paid seats, or, while the org is active, restores the oldest
     * suspended ones while seats are free; returns whose status changed. The org's status is read after the seat row
     * is locked: an archive holds that row's shared lock for its veto, so it either committed before (and no seat
     * comes back) or is refused after, when this made the subscription paid.
     */
    private Map<UserId, SeatChange> reconcile(JdbcSeatRepository.SubscriptionRow row, UserId actor) {
        OrgId org = row.orgId();
        int paid = paid(row);
        boolean active = organizations.find(org).filter(found -> !found.archived()).isPresent();
        SeatRules.Reconciliation changes = SeatRules.reconcile(paid, active, seats.assignments(org).stream()
                .map(assignment -> new SeatRules.Holder(assignment.userId(), assignment.status(), assignment.assignedAt()))
                .toList());
        Instant now = clock.instant();
        Map<UserId, SeatChange> changed = new LinkedHashMap<>();
        for (UserId user : changes.suspend()) {
            changed.put(user, SeatChange.SUSPENDED);
            seats.setStatus(org, user, AssignmentStatus.SUSPENDED, now);
            audit.record(new AuditRecord(org, actor, "seat.suspended", "seat", user.toString(),
                    Map.of("status", "active"), Map.of("status", "suspended", "paidSeats", paid)));
            log.info("Seat of org {} held by {} suspended: {} seats paid", org, user, paid);
        }
        for (UserId user : changes.restore()) {
            changed.put(user, SeatChange.RESTORED);
            seats.setStatus(org, user, AssignmentStatus.ACTIVE, now);
            audit.record(new AuditRecord(org, actor, "seat.restored", "seat", user.toString(),
                    Map.of("status", "suspended"), Map.of("status", "active", "paidSeats", paid)));
            log.info("Seat of org {} held by {} restored: {} seats paid", org, user, paid);
        }
        changed.forEach((user, change) -> events.publishEvent(new SeatChanged(org, user, change, actor)));
        return changed;
    }
}
