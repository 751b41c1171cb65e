package com.getpaidx.orgs.seat;

import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.LockRace;
import com.getpaidx.orgs.usage.SpendPolicy;
import com.getpaidx.orgs.usage.SpendPolicyManagement;
import com.getpaidx.orgs.usage.Spenders;
import com.getpaidx.orgs.wallet.TopUpManagement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A billing admin assigns a seat, edits the spend policy or buys a top-up while the owner's demotion of them to
 * member is committing (held open here until the act waits); and a policy that selects a member whose removal is
 * committing. Each act waits, reads the role again and is refused, leaving nothing behind. Without the locked read
 * (Authorizer.requireLocked, lockRoleOf) each act commits on the strength of a role its actor no longer has, or
 * selects someone who is gone.
 */
@IntegrationTest
class BillingManagerDemotionRaceIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcClient jdbc;
    @Autowired MembershipManagement memberships;
    @Autowired SeatManagement seats;
    @Autowired SpendPolicyManagement policies;
    @Autowired TopUpManagement topUps;

    private SubscriptionLooks looks;
    private SubscriptionLooks.Org org;
    private UserId billingAdmin;
    private UserId member;

    @BeforeEach
    void orgWithABillingAdmin() {
        looks = new SubscriptionLooks(api, events, transactions, jdbc);
        org = looks.newOrg();
        billingAdmin = id(fixtures.newMember(org.id().value(), org.owner(), Role.BILLING_ADMIN));
        member = id(fixtures.newMember(org.id().value(), org.owner(), Role.MEMBER));
    }

    @Test
    void aSeatAssignedByABillingAdminBeingDemotedIsRefused() throws Exception {
        looks.look(org, 1, "sub_a", "active", 2);

        assertForbidden(whileDemoted(() -> seats.assign(org.id(), billingAdmin, member)));
        assertThat(seats.seats(org.id(), org.ownerId()).assigned()).isZero();
    }

    @Test
    void aPolicyChangedByABillingAdminBeingDemotedIsRefused() throws Exception {
        SpendPolicy paused = new SpendPolicy(Spenders.ALL_MEMBERS, Set.of(), null, true, null);

        assertForbidden(whileDemoted(() -> policies.update(org.id(), billingAdmin, paused)));
        assertThat(policies.policy(org.id(), org.ownerId()).paused()).isFalse();
    }

    @Test
    void aTopUpStartedByABillingAdminBeingDemotedIsRefused() throws Exception {
        assertForbidden(whileDemoted(() -> topUps.start(org.id(), billingAdmin, "starter", null)));
        assertThat(jdbc.sql("SELECT count(*) FROM top_up WHERE org_id = :org").param("org", org.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPolicySelectingAMemberBeingRemovedIsRefused() throws Exception {
        SpendPolicy selected = new SpendPolicy(Spenders.SELECTED, Set.of(member), null, false, null);

        Object outcome = new LockRace(transactionManager, jdbc).contend(
                () -> memberships.remove(org.id(), org.ownerId(), member),
                () -> policies.update(org.id(), billingAdmin, selected));

        assertThat(outcome).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo("validation_failed"));
        assertThat(policies.policy(org.id(), org.ownerId()).selectedUserIds()).isEmpty();
    }

    private Object whileDemoted(Supplier<?> act) throws Exception {
        return new LockRace(transactionManager, jdbc).contend(
                () -> memberships.changeRole(org.id(), org.ownerId(), billingAdmin, Role.MEMBER), act);
    }

    private static void assertForbidden(Object outcome) {
        assertThat(outcome).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo("forbidden"));
    }

    private static UserId id(Api.User user) {
        return new UserId(user.id());
    }
}
