package com.getpaidx.orgs.seat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.seat.SeatTeams.Team;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which assigned seats are in effect, and what they entitle, over HTTP: when the subscription's quantity drops the
 * newest seats are suspended and when it rises the oldest return first, revoked seats never come back by themselves,
 * and the subscription's status decides whether its seats are paid at all; a user is pro while they hold an active
 * seat in any org, and someone else's entitlements are for the service token only.
 */
@IntegrationTest
class SeatEntitlementIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    private SeatPurchases purchases;
    private SeatTeams teams;

    @BeforeEach
    void setUp() {
        purchases = new SeatPurchases(api);
        teams = new SeatTeams(api, fixtures);
    }

    @Test
    void whenSeatsAreTakenAwayTheNewestAreSuspendedAndWhenTheyComeBackTheOldestReturnFirst() {
        Team team = teams.team(4);
        String subscription = purchases.buy(team.org(), team.owner(), 4);
        teams.assignAll(team, team.member(0), team.member(1), team.member(2), team.member(3));

        purchases.change(subscription, Map.of("quantity", 2));
        assertThat(teams.statuses(team)).containsExactly("active", "active", "suspended", "suspended");
        JsonNode seats = teams.seats(team);
        assertThat(seats.get("paid").asInt()).isEqualTo(2);
        assertThat(seats.get("assigned").asInt()).isEqualTo(2);
        assertThat(seats.get("suspended").asInt()).isEqualTo(2);
        assertThat(seats.get("available").asInt()).isZero();
        assertThat(purchases.labelOf(team.org(), team.owner(), team.member(3))).isEqualTo("suspended");

        purchases.change(subscription, Map.of("quantity", 3));
        assertThat(teams.statuses(team)).containsExactly("active", "active", "active", "suspended");

        purchases.change(subscription, Map.of("quantity", 1));
        assertThat(teams.statuses(team)).containsExactly("active", "suspended", "suspended", "suspended");

        purchases.change(subscription, Map.of("quantity", 10));
        assertThat(teams.statuses(team)).containsExactly("active", "active", "active", "active");
        assertThat(teams.seats(team).get("available").asInt()).isEqualTo(6);
    }

    @Test
    void revokedSeatsNeverComeBackByThemselvesButAFreedSeatRestoresTheOldestSuspended() {
        Team team = teams.team(3);
        String subscription = purchases.buy(team.org(), team.owner(), 3);
        teams.assignAll(team, team.member(0), team.member(1), team.member(2));
        purchases.change(subscription, Map.of("quantity", 1));
        assertThat(teams.statuses(team)).containsExactly("active", "suspended", "suspended");

        purchases.revoke(team.org(), team.owner(), team.member(0));

        assertThat(teams.statuses(team)).containsExactly("revoked", "active", "suspended");
        purchases.change(subscription, Map.of("quantity", 5));
        assertThat(teams.statuses(team)).containsExactly("revoked", "active", "active");
        assertThat(purchases.assign(team.org(), team.owner(), team.member(0)).text("status")).isEqualTo("active");
    }

    @Test
    void theSubscriptionsStatusDecidesWhetherItsSeatsArePaid() {
        Team team = teams.team(2);
        String subscription = purchases.buy(team.org(), team.owner(), 2);
        teams.assignAll(team, team.member(0), team.member(1));

        purchases.change(subscription, Map.of("status", "past_due"));
        assertThat(teams.seats(team).get("paid").asInt()).as("past_due, in grace").isEqualTo(2);
        assertThat(teams.statuses(team)).containsExactly("active", "active");

        purchases.change(subscription, Map.of("status", "unpaid"));
        assertThat(teams.seats(team).get("paid").asInt()).isZero();
        assertThat(teams.statuses(team)).containsExactly("suspended", "suspended");

        purchases.change(subscription, Map.of("status", "active"));
        assertThat(teams.statuses(team)).containsExactly("active", "active");

        purchases.change(subscription, Map.of("cancelAtPeriodEnd", true));
        JsonNode cancelling = teams.seats(team);
        assertThat(cancelling.at("/subscription/cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(cancelling.get("paid").asInt()).as("paid until the period ends").isEqualTo(2);

        purchases.change(subscription, Map.of("status", "canceled"));
        JsonNode canceled = teams.seats(team);
        assertThat(canceled.at("/subscription/status").asString()).isEqualTo("canceled");
        assertThat(canceled.get("paid").asInt()).isZero();
        assertThat(teams.statuses(team)).containsExactly("suspended", "suspended");
    }

    @Test
    void entitlementsFollowActiveSeatsInAnyOrg() {
        Team first = teams.team(1);
        Api.User person = first.member(0);
        Api.User otherOwner = api.newUser("owner");
        UUID second = api.newOrg(otherOwner);
        fixtures.addMember(second, otherOwner, person, Role.MEMBER);
        String firstSubscription = purchases.buy(first.org(), first.owner(), 1);
        purchases.buy(second, otherOwner, 1);
        assertThat(purchases.pro(person)).isFalse();

        teams.assignAll(first, person);
        purchases.assign(second, otherOwner, person);

        JsonNode mine = api.get("/api/v1/me/entitlements", person.token()).body();
        assertThat(mine.get("pro").asBoolean()).isTrue();
        assertThat(mine.get("sources")).extracting(source -> source.get("orgId").asString())
                .containsExactly(first.org().toString(), second.toString());
        Api.Response asService = api.get("/api/v1/users/" + person.id() + "/entitlements", api.serviceToken());
        assertThat(asService.status()).isEqualTo(200);
        assertThat(asService.body()).isEqualTo(mine);

        purchases.change(firstSubscription, Map.of("quantity", 0));
        assertThat(api.get("/api/v1/me/entitlements", person.token()).body().get("sources"))
                .extracting(source -> source.get("orgId").asString()).containsExactly(second.toString());
        purchases.revoke(second, otherOwner, person);
        JsonNode none = api.get("/api/v1/me/entitlements", person.token()).body();
        assertThat(none.get("pro").asBoolean()).isFalse();
        assertThat(none.get("sources")).isEmpty();
    }

    @Test
    void someoneElsesEntitlementsAreForTheServiceTokenOnly() {
        Api.User user = api.newUser();
        Api.User other = api.newUser();

        Api.Response asUser = api.get("/api/v1/users/" + other.id() + "/entitlements", user.token());
        Api.Response anonymous = api.get("/api/v1/users/" + other.id() + "/entitlements", null);
        Api.Response unknown = api.get("/api/v1/users/" + UUID.randomUUID() + "/entitlements", api.serviceToken());

        assertThat(asUser.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body().get("pro").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/me/entitlements", api.serviceToken()).status()).isEqualTo(403);
    }
}
