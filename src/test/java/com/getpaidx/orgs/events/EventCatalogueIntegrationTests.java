package com.getpaidx.orgs.events;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestEventReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each roster, org and wallet change the app hears about produces its event (seat events: SeatEventsIntegrationTests,
 * low balance: LowBalanceEventIntegrationTests; member.added: EventDeliveryIntegrationTests).
 */
@IntegrationTest
class EventCatalogueIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired TestEventReceiver receiver;

    @Test
    void acceptingAnInvitationSendsMemberAdded() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.ADMIN);

        JsonNode data = receiver.awaitEvent(member.id().toString(), "member.added").path("data");
        assertThat(data.path("orgId").asString()).isEqualTo(org.toString());
        assertThat(data.path("role").asString()).isEqualTo("admin");
        assertThat(data.path("invitedBy").asString()).isEqualTo(owner.id().toString());
    }

    @Test
    void removingAMemberSendsMemberRemoved() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        assertThat(api.delete("/api/v1/orgs/" + org + "/members/" + member.id(), owner.token()).status()).isEqualTo(204);

        JsonNode data = receiver.awaitEvent(member.id().toString(), "member.removed").path("data");
        assertThat(data.path("orgId").asString()).isEqualTo(org.toString());
        assertThat(data.path("left").asBoolean()).isFalse();
        assertThat(data.path("actorUserId").asString()).isEqualTo(owner.id().toString());
    }

    @Test
    void changingARoleSendsMemberRoleChanged() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        assertThat(api.patch("/api/v1/orgs/" + org + "/members/" + member.id(), owner.token(),
                Map.of("role", "billing_admin")).status()).isEqualTo(200);

        JsonNode data = receiver.awaitEvent(member.id().toString(), "member.role_changed").path("data");
        assertThat(data.path("before").asString()).isEqualTo("member");
        assertThat(data.path("after").asString()).isEqualTo("billing_admin");
    }

    @Test
    void archivingAnOrgSendsOrgArchived() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        assertThat(api.post("/api/v1/orgs/" + org + "/archive", owner.token(), null).status()).isEqualTo(200);

        JsonNode data = receiver.awaitEvent(org.toString(), "org.archived").path("data");
        assertThat(data.path("actorUserId").asString()).isEqualTo(owner.id().toString());
    }

    @Test
    void aPaidTopUpSendsWalletTopUpPaid() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        funding.fund(org, owner, Credits.ofWhole(1000));

        JsonNode data = receiver.awaitEvent(org.toString(), "wallet.topup_paid").path("data");
        assertThat(data.path("topUpId").asString()).isNotBlank();
        assertThat(data.path("credits").asString()).isEqualTo("1000");
        assertThat(data.path("balance").asString()).isEqualTo("1000");
    }
}
