package com.getpaidx.orgs.invitation;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
        CountDownLatch demoted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Void> demotion = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        memberships.changeRole(org, new UserId(roster.owner().id()), admin, Role.MEMBER);
                        demoted.countDown();
                        try {
                            commit.await(60, TimeUnit.SECONDS);
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }), threads);
            assertThat(demoted.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Object> invitation = CompletableFuture.supplyAsync(() -> {
                try {
                    return invitations.invite(org, new CurrentUser(admin, roster.admin().email(), "Admin"), invitee, Role.MEMBER);
                }
                catch (RuntimeException refused) {
                    return refused;
                }
            }, threads);
            await().atMost(Duration.ofSeconds(30)).until(() -> invitation.isDone() || jdbc.sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    .query(Long.class).single() > 0);
            commit.countDown();
            demotion.get(30, TimeUnit.SECONDS);

            Object outcome = invitation.get(30, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(DomainException.class);
            assertThat(((DomainException) outcome).code()).isEqualTo("forbidden");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE org_id = :org AND email = :email")
                .param("org", roster.org()).param("email", invitee).query(Long.class).single()).isZero();
    }
}
