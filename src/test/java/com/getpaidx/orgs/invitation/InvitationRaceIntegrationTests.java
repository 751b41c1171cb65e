package com.getpaidx.orgs.invitation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.LockRace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin invites while an owner's demotion of that admin to member is committing (held open here until the
 * invitation waits): the invitation waits for the demotion and is refused 403 {@code forbidden}, and no invitation
 * is left behind. Without the role read under lock (InvitationManagement) the demoted admin's invitation is created.
 */
@IntegrationTest
class InvitationRaceIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired InvitationManagement invitations;
    @Autowired MembershipManagement memberships;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void anInvitationByAnAdminBeingDemotedWaitsAndIsRefused() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        OrgId org = new OrgId(roster.org());
        UserId admin = new UserId(roster.admin().id());
        String invitee = "race-" + UUID.randomUUID() + "@example.com";
        Object outcome = new LockRace(transactions, jdbc).contend(
                () -> memberships.changeRole(org, new UserId(roster.owner().id()), admin, Role.MEMBER),
                () -> invitations.invite(org, new CurrentUser(admin, roster.admin().email(), "Admin"), invitee, Role.MEMBER));

        assertThat(outcome).isInstanceOf(DomainException.class);
        assertThat(((DomainException) outcome).code()).isEqualTo("forbidden");
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE org_id = :org AND email = :email")
                .param("org", roster.org()).param("email", invitee).query(Long.class).single()).isZero();
    }
}
