package com.getpaidx.orgs.seat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestEventReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/** Each seat change and each Pro flip reaches the app as its event (signatures checked by the receiver's helper). */
@IntegrationTest
class SeatEventsIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestEventReceiver receiver;

    record Setup(UUID org, Api.User owner, Api.User member, String subscription, SeatPurchases purchases) {
    }

    private Setup paidFor(int seats) {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        SeatPurchases purchases = new SeatPurchases(api);
        return new Setup(org, owner, member, purchases.buy(org, owner, seats), purchases);
    }

    private void assign(Setup setup) {
        assertThat(api.put(SeatPurchases.seatsOf(setup.org()) + "/assignments/" + setup.member().id(),
                setup.owner().token(), null).status()).isEqualTo(200);
    }

    @Test
    void assigningASeatSendsSeatAssignedAndEntitlementChanged() {
        Setup setup = paidFor(1);
        assign(setup);

        JsonNode seat = receiver.awaitEvent(setup.member().id().toString(), "seat.assigned").path("data");
        assertThat(seat.path("orgId").asString()).isEqualTo(setup.org().toString());
        assertThat(seat.path("actorUserId").asString()).isEqualTo(setup.owner().id().toString());
        JsonNode pro = receiver.awaitEvent(setup.member().id().toString(), "entitlement.changed").path("data");
        assertThat(pro.path("userId").asString()).isEqualTo(setup.member().id().toString());
        assertThat(pro.path("orgId").asString()).isEqualTo(setup.org().toString());
        assertThat(pro.path("pro").asBoolean()).isTrue();
        assertThat(pro.path("reason").asString()).isEqualTo("assigned");
    }

    @Test
    void revokingASeatSendsSeatRevoked() {
        Setup setup = paidFor(1);
        assign(setup);
        assertThat(api.delete(SeatPurchases.seatsOf(setup.org()) + "/assignments/" + setup.member().id(),
                setup.owner().token()).status()).isEqualTo(204);

        JsonNode seat = receiver.awaitEvent(setup.member().id().toString(), "seat.revoked").path("data");
        assertThat(seat.path("reason").asString()).isEqualTo("revoked");
    }

    @Test
    void fewerPaidSeatsSuspendAndMoreRestore() {
        Setup setup = paidFor(1);
        assign(setup);
        setup.purchases().change(setup.subscription(), Map.of("quantity", 0));
        JsonNode suspended = receiver.awaitEvent(setup.member().id().toString(), "seat.suspended").path("data");
        assertThat(suspended.path("orgId").asString()).isEqualTo(setup.org().toString());

        setup.purchases().change(setup.subscription(), Map.of("quantity", 1));
        JsonNode restored = receiver.awaitEvent(setup.member().id().toString(), "seat.restored").path("data");
        assertThat(restored.path("userId").asString()).isEqualTo(setup.member().id().toString());
    }
}
