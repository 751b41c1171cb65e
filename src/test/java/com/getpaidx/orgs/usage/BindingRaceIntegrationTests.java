package com.getpaidx.orgs.usage;

import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.LockRace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member binds their workspace to the org while their right to spend its money is being taken away (a removal,
 * a role change, an archive or a policy change, each its own transaction, held open here until the binding waits).
 * The change's reset runs in that transaction and cannot see a binding that has not committed, so the binding must
 * wait for the change and then be refused: no workspace may end up billed to an org its owner may not spend from.
 * Without the binding's locks (WorkspaceManagement.bind) each of these ends with the workspace billed to the org.
 */
@IntegrationTest
class BindingRaceIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired WorkspaceManagement workspaces;
    @Autowired MembershipManagement memberships;
    @Autowired OrganizationManagement organizations;
    @Autowired SpendPolicyManagement policies;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    private static final SpendPolicy MANAGERS = new SpendPolicy(Spenders.MANAGERS, Set.of(), null, false, null);

    @Test
    void aRemovalUnderWayIsWaitedForAndTheBindingRefused() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        bindWhile(roster, owner -> memberships.remove(org(roster), owner, id(roster.member())), "not_member");
    }

    @Test
    void aRoleChangeThePolicyDoesNotAllowIsWaitedFor() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        policies.update(org(roster), id(roster.owner()), MANAGERS);
        UserId admin = id(roster.admin());
        String workspace = new UsageTraffic(api, fixtures, null).workspaceOf(roster.admin());
        raceAgainst(roster, workspace, admin, owner -> memberships.changeRole(org(roster), owner, admin, Role.MEMBER),
                "policy_denied");
    }

    @Test
    void anArchiveUnderWayIsWaitedForAndTheBindingRefused() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        bindWhile(roster, owner -> organizations.archive(org(roster), owner), "org_archived");
    }

    @Test
    void aFirstPolicyThatExcludesTheMemberIsWaitedFor() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        bindWhile(roster, owner -> policies.update(org(roster), owner, MANAGERS), "policy_denied");
    }

    @Test
    void aPolicyChangeThatExcludesTheMemberIsWaitedFor() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        policies.update(org(roster), id(roster.owner()), SpendPolicy.DEFAULT); // a saved policy, then a change of it
        bindWhile(roster, owner -> policies.update(org(roster), owner, MANAGERS), "policy_denied");
    }

    private void bindWhile(Fixtures.Roster roster, Consumer<UserId> change, String refusal) throws Exception {
        String workspace = new UsageTraffic(api, fixtures, null).workspaceOf(roster.member());
        raceAgainst(roster, workspace, id(roster.member()), change, refusal);
    }

    private void raceAgainst(Fixtures.Roster roster, String workspace, UserId member, Consumer<UserId> change,
            String refusal) throws Exception {
        Object outcome = new LockRace(transactions, jdbc).contend(() -> change.accept(id(roster.owner())),
                () -> workspaces.bind(workspace, member, BillingTarget.ORG, org(roster)));

        assertThat(outcome).as("the binding").isInstanceOf(DomainException.class);
        assertThat(((DomainException) outcome).code()).isEqualTo(refusal);
        assertThat(jdbc.sql("SELECT billing_target FROM workspace WHERE id = :id").param("id", workspace)
                .query(String.class).single()).isEqualTo("personal");
    }

    private static OrgId org(Fixtures.Roster roster) {
        return new OrgId(roster.org());
    }

    private static UserId id(Api.User user) {
        return new UserId(user.id());
    }
}
