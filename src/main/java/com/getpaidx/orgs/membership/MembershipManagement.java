package com.getpaidx.orgs.membership;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.account.AccountManagement;
import com.getpaidx.orgs.account.UserSummary;
import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.membership.internal.JdbcMembershipRepository;
import com.getpaidx.orgs.membership.internal.JdbcMembershipRepository.MembershipRow;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

/**
 * The roster: who is in an organization, in which role, and how that changes.
 */
@Service
public class MembershipManagement {

    private static final Logger log = LoggerFactory.getLogger(MembershipManagement.class);

    private final JdbcMembershipRepository memberships;
    private final Authorizer authorizer;
    private final OrganizationManagement organizations;
    private final AccountManagement accounts;
    private final List<MemberSeats> seats;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MembershipManagement(JdbcMembershipRepository memberships, Authorizer authorizer,
            OrganizationManagement organizations, AccountManagement accounts, List<MemberSeats> seats, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.memberships = memberships;
        this.authorizer = authorizer;
        this.organizations = organizations;
        this.accounts = accounts;
        this.seats = seats;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    /** Every member, page by page: for a form that offers each of them (a seat, a spender list). */
    public List<Member> allMembers(OrgId org, UserId caller) {
        List<Member> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Member> page = members(org, caller, PageRequest.of(PageRequest.MAX_LIMIT, cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        }
        while (cursor != null);
        return all;
    }

    public Page<Member> members(OrgId org, UserId caller, PageRequest request) {
        authorizer.require(org, caller, Permission.VIEW);
        List<MembershipRow> rows = memberships.page(org, request);
        Page<MembershipRow> page = request.page(rows, row -> new Cursor.Position(row.joinedAt(), row.userId().value()));
        return page.map(toMember(org, page.items()));
    }

    /**
     * {@code size} members after the {@code after} cursor (or from the first), or before the {@code before}
     * cursor, with the cursors of the pages on either side.
     */
    @Transactional(readOnly = true)
    public MemberWindow memberWindow(OrgId org, UserId caller, String after, String before, int size) {
        authorizer.require(org, caller, Permission.VIEW);
        List<MembershipRow> rows;
        boolean earlier;
        boolean later;
        if (before != null) {
            List<MembershipRow> fetched = memberships.pageBefore(org, Cursor.decode(before), size + 1);
            earlier = fetched.size() > size;
            rows = earlier ? fetched.subList(1, fetched.size()) : fetched;
            later = true;
        }
        else {
            List<MembershipRow> fetched = memberships.page(org, PageRequest.of(size, after));
            later = fetched.size() > size;
            rows = later ? fetched.subList(0, size) : fetched;
            earlier = after != null;
        }
        List<Member> members = rows.stream().map(toMember(org, rows)).toList();
        return new MemberWindow(members, earlier && !rows.isEmpty() ? cursorOf(rows.getFirst()) : null,
                later && !rows.isEmpty() ? cursorOf(rows.getLast()) : null);
    }

    private static String cursorOf(MembershipRow row) {
        return Cursor.encode(new Cursor.Position(row.joinedAt(), row.userId().value()));
    }

    @Transactional(readOnly = true)
    public Member member(OrgId org, UserId caller, UserId user) {
        authorizer.require(org, caller, Permission.VIEW);
        MembershipRow row = memberships.find(org, user).orElseThrow(MemberNotFound::new);
        return toMember(org, List.of(row)).apply(row);
    }

    @Transactional
    public Member changeRole(OrgId org, UserId actor, UserId target, Role wanted) {
        authorizer.require(org, actor, Permission.CHANGE_ROLES);
        organizations.requireActive(org);
        List<UserId> owners = memberships.lockOwners(org);
        // read again under the owner locks: a concurrent change may have demoted the actor meanwhile
        Role actorRole = authorizer.require(org, actor, Permission.CHANGE_ROLES);
        Role current = memberships.lockMember(org, target).orElseThrow(MemberNotFound::new);
        RoleRules.checkRoleChange(actorRole, current, wanted);
        if (current != wanted) {
            if (current == Role.OWNER && owners.size() <= 1) {
                throw new LastOwnerRequired();
            }
            memberships.updateRole(org, target, wanted);
            audit.record(new AuditRecord(org, actor, "member.role_changed", "member", target.toString(),
                    Map.of("role", current.json()), Map.of("role", wanted.json())));
            events.publishEvent(new MemberRoleChanged(org, target, current, wanted, actor));
            log.info("Member {} of {} changed from {} to {} by {}", target, org, current.json(), wanted.json(), actor);
        }
        MembershipRow row = memberships.find(org, target).orElseThrow();
        return toMember(org, List.of(row)).apply(row);
    }

    /** Removes a member, or lets the caller leave when {@code target} is the caller. */
    @Transactional
    public void remove(OrgId org, UserId actor, UserId target) {
        boolean self = actor.equals(target);
        authorizer.require(org, actor, self ? Permission.VIEW : Permission.REMOVE_MEMBERS);
        organizations.requireActive(org);
        List<UserId> owners = memberships.lockOwners(org);
        Role actorRole = authorizer.require(org, actor, self ? Permission.VIEW : Permission.REMOVE_MEMBERS);
        Role targetRole = memberships.lockMember(org, target).orElseThrow(MemberNotFound::new);
        RoleRules.checkRemoval(actorRole, self, targetRole);
        if (targetRole == Role.OWNER && owners.size() <= 1) {
            throw new LastOwnerRequired();
        }
        memberships.delete(org, target);
        audit.record(new AuditRecord(org, actor, self ? "member.left" : "member.removed", "member", target.toString(),
                Map.of("role", targetRole.json()), null));
        events.publishEvent(new MemberRemoved(org, target, actor, self));
        log.info("Member {} {} {}", target, self ? "left" : "was removed from", org);
    }

    /** The members holding {@code permission}, for notices such as a low balance; no caller check. */
    @Transactional(readOnly = true)
    public List<Member> membersWith(OrgId org, Permission permission) {
        List<MembershipRow> rows = memberships.withRoles(org, Arrays.stream(Role.values())
                .filter(role -> role.can(permission)).toList());
        return rows.stream().map(toMember(org, rows)).toList();
    }

    /** Whether the account with this email (any case) is a member of the org. */
    @Transactional(readOnly = true)
    public boolean isMemberByEmail(OrgId org, String email) {
        return accounts.findByEmail(email).flatMap(user -> memberships.roleOf(org, user.id())).isPresent();
    }

    /**
     * Adds a member in the caller's transaction (an accepted invitation). False when the user already
     * is a member.
     */
    @Transactional
    public boolean join(OrgId org, UserId user, Role role, UserId invitedBy) {
        organizations.requireActive(org);
        if (!memberships.insert(org, user, role, clock.instant())) {
            return false;
        }
        audit.record(new AuditRecord(org, user, "member.joined", "member", user.toString(), null,
                Map.of("role", role.json(), "invitedBy", invitedBy.toString())));
        events.publishEvent(new MemberAdded(org, user, role, invitedBy));
        return true;
    }

    private java.util.function.Function<MembershipRow, Member> toMember(OrgId org, List<MembershipRow> rows) {
        List<UserId> ids = rows.stream().map(MembershipRow::userId).toList();
        Map<UserId, UserSummary> people = accounts.summaries(ids);
        Map<UserId, String> seatLabels = seats.isEmpty() ? Map.of() : seats.getFirst().seatsOf(org, ids);
        return row -> {
            UserSummary person = people.get(row.userId());
            return new Member(row.userId(), person == null ? null : person.email(),
                    person == null ? null : person.displayName(), row.role(), row.joinedAt(),
                    seatLabels.getOrDefault(row.userId(), "none"));
        };
    }
}
