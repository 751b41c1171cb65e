package com.getpaidx.orgs.organization;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.organization.internal.JdbcOrganizationRepository;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seam the seat module plugs into: any {@link ArchiveVeto} can stop an archive, and nothing of the
 * archive is left behind when it does.
 */
@IntegrationTest
class ArchiveVetoTests {

    @Autowired Api api;
    @Autowired JdbcOrganizationRepository repository;
    @Autowired AuditLog audit;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired java.time.Clock clock;
    @Autowired TransactionTemplate transactions;

    static final class LiveSubscription extends DomainException {
        LiveSubscription() {
            super("subscription_active", HttpStatus.CONFLICT, "A seat subscription is live.");
        }
    }

    @Test
    void aVetoStopsTheArchiveAndChangesNothing() {
        Api.User owner = api.newUser();
        OrgId org = new OrgId(api.newOrg(owner));
        List<OrgId> asked = new java.util.ArrayList<>();
        ArchiveVeto veto = id -> {
            asked.add(id);
            throw new LiveSubscription();
        };
        var management = new OrganizationManagement(repository, List.of(veto), audit, events, clock);

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> management.archive(org, new UserId(owner.id()))))
                .isInstanceOf(LiveSubscription.class);
        assertThat(asked).containsExactly(org);
        assertThat(api.get("/api/v1/orgs/" + org, owner.token()).text("status")).isEqualTo("active");
        assertThat(api.get("/api/v1/orgs/" + org + "/audit-events", owner.token()).body().get("items"))
                .noneMatch(event -> event.get("action").asString().equals("organization.archived"));
    }

    @Test
    void withoutAVetoTheArchiveGoesThrough() {
        Api.User owner = api.newUser();
        OrgId org = new OrgId(api.newOrg(owner));
        ArchiveVeto allow = id -> { };
        var management = new OrganizationManagement(repository, List.of(allow), audit, events, clock);
        Organization archived = transactions.execute(tx -> management.archive(org, new UserId(owner.id())));
        assertThat(archived.status()).isEqualTo(OrganizationStatus.ARCHIVED);
    }
}
