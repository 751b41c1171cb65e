package com.getpaidx.orgs.seat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.membership.MemberOrganizations;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seats and the org's archive. A paying duplicate subscription blocks the archive as the org's own does, also when
 * the own one is unpaid (live, not paying). A subscription that becomes paid while the org is archived gives no
 * suspended seat back (an archived org refuses every change), and unarchiving gives them back as far as seats are
 * paid. Without the duplicates in LiveSubscriptionVeto the org is archived while paying; without the archived
 * check in the reconciliation the seat comes back, and Pro with it, in an archived org.
 */
@IntegrationTest
class SeatArchiveIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired SeatManagement seats;
    @Autowired Entitlements entitlements;
    @Autowired MemberOrganizations organizations;

    private SubscriptionLooks looks;

    @BeforeEach
    void looks() {
        looks = new SubscriptionLooks(api, events, transactions, jdbc);
    }

    @Test
    void aPayingDuplicateBesideAnUnpaidSubscriptionBlocksTheArchive() {
        SubscriptionLooks.Org org = looks.newOrg();
        looks.look(org, 1, "sub_a", "active", 2);
        looks.look(org, 2, "sub_b", "active", 3);
        looks.look(org, 3, "sub_a", "unpaid", 2);
        assertThat(seats.seats(org.id(), org.ownerId()).paid()).isEqualTo(3);

        assertThatThrownBy(() -> organizations.archive(org.id(), org.ownerId()))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("subscription_active"));
        assertThat(status(org)).isEqualTo("active");

        looks.look(org, 4, "sub_b", "canceled", 3);
        assertThat(organizations.archive(org.id(), org.ownerId()).organization().archived()).isTrue();
    }

    @Test
    void aSubscriptionPaidWhileArchivedRestoresNoSeatUntilTheOrgIsUnarchived() {
        SubscriptionLooks.Org org = looks.newOrg();
        UserId holder = new UserId(fixtures.newMember(org.id().value(), org.owner(), Role.MEMBER).id());
        looks.look(org, 1, "sub_a", "active", 1);
        seats.assign(org.id(), org.ownerId(), holder);
        looks.look(org, 2, "sub_a", "unpaid", 1);
        assertThat(seatOf(org, holder)).isEqualTo(AssignmentStatus.SUSPENDED);
        organizations.archive(org.id(), org.ownerId());

        looks.look(org, 3, "sub_a", "active", 1);

        assertThat(seatOf(org, holder)).as("archived").isEqualTo(AssignmentStatus.SUSPENDED);
        assertThat(entitlements.of(holder).pro()).isFalse();

        organizations.unarchive(org.id(), org.ownerId());

        assertThat(seatOf(org, holder)).as("unarchived").isEqualTo(AssignmentStatus.ACTIVE);
        assertThat(entitlements.of(holder).pro()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = :org AND action = 'seat.restored'")
                .param("org", org.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    private AssignmentStatus seatOf(SubscriptionLooks.Org org, UserId user) {
        return seats.seats(org.id(), org.ownerId()).assignments().stream()
                .filter(assignment -> assignment.userId().equals(user)).findFirst().orElseThrow().status();
    }

    private String status(SubscriptionLooks.Org org) {
        return jdbc.sql("SELECT status FROM organization WHERE id = :id").param("id", org.id().value())
                .query(String.class).single();
    }
}
