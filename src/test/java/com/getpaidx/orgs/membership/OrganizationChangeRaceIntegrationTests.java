package com.getpaidx.orgs.membership;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.LockRace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner archives, or an admin renames, while another owner's demotion or removal of them is committing (held
 * open here until the change waits): the change waits for it, reads the role again and is refused, and the org is
 * left as it was, without an audit entry. Without the locked read after the org's lock (MemberOrganizations) the
 * org is archived or renamed by someone who no longer may.
 */
@IntegrationTest
class OrganizationChangeRaceIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired MemberOrganizations organizations;
    @Autowired MembershipManagement memberships;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void anArchiveByAnOwnerBeingDemotedWaitsAndIsRefused() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        UserId second = id(fixtures.newMember(roster.org(), roster.owner(), Role.OWNER));

        Object outcome = race(() -> memberships.changeRole(org(roster), id(roster.owner()), second, Role.ADMIN),
                () -> organizations.archive(org(roster), second));

        assertRefused(outcome, "forbidden");
        assertThat(status(roster)).isEqualTo("active");
        assertThat(audited(roster, "organization.archived")).isZero();
    }

    @Test
    void anArchiveByAnOwnerBeingRemovedWaitsAndIsRefused() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        UserId second = id(fixtures.newMember(roster.org(), roster.owner(), Role.OWNER));

        Object outcome = race(() -> memberships.remove(org(roster), id(roster.owner()), second),
                () -> organizations.archive(org(roster), second));

        assertRefused(outcome, "org_not_found");
        assertThat(status(roster)).isEqualTo("active");
    }

    @Test
    void aRenameByAnAdminBeingDemotedWaitsAndIsRefused() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        UserId admin = id(roster.admin());

        Object outcome = race(() -> memberships.changeRole(org(roster), id(roster.owner()), admin, Role.MEMBER),
                () -> organizations.rename(org(roster), admin, "Renamed by a member"));

        assertRefused(outcome, "forbidden");
        assertThat(jdbc.sql("SELECT name FROM organization WHERE id = :id").param("id", roster.org())
                .query(String.class).single()).isNotEqualTo("Renamed by a member");
        assertThat(audited(roster, "organization.renamed")).isZero();
    }

    private Object race(Runnable change, Supplier<?> contender) throws Exception {
        return new LockRace(transactions, jdbc).contend(change, contender);
    }

    private static void assertRefused(Object outcome, String code) {
        assertThat(outcome).isInstanceOf(DomainException.class);
        assertThat(((DomainException) outcome).code()).isEqualTo(code);
    }

    private String status(Fixtures.Roster roster) {
        return jdbc.sql("SELECT status FROM organization WHERE id = :id").param("id", roster.org())
                .query(String.class).single();
    }

    private long audited(Fixtures.Roster roster, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = :org AND action = :action")
                .param("org", roster.org()).param("action", action).query(Long.class).single();
    }

    private static OrgId org(Fixtures.Roster roster) {
        return new OrgId(roster.org());
    }

    private static UserId id(Api.User user) {
        return new UserId(user.id());
    }
}
