package com.getpaidx.orgs.seat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.seat.SeatTeams.Team;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static com.getpaidx.orgs.seat.SeatPurchases.seatsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paid seats assigned to members and taken back, over HTTP: assigning gives an active seat until none is left and only
 * members get one; a revoked member stays in the org and can be assigned again; a member who leaves or is removed ends
 * their seat and frees it for the oldest suspended one; and every seat change is audited, with the provider as the
 * actor of a suspension. Buying seats is in {@link SeatPurchaseIntegrationTests}.
 */
@IntegrationTest
class SeatAssignmentIntegrationTests {

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
    void assigningGivesAnActiveSeatUntilNoneIsLeft() {
        Team team = teams.team(3);
        purchases.buy(team.org(), team.owner(), 2);

        Api.Response first = purchases.assign(team.org(), team.owner(), team.member(0));
        Api.Response again = purchases.assign(team.org(), team.owner(), team.member(0));
        Api.Response second = purchases.assign(team.org(), team.owner(), team.member(1));
        Api.Response third = purchases.assign(team.org(), team.owner(), team.member(2));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.text("userId")).isEqualTo(team.member(0).id().toString());
        assertThat(first.text("status")).isEqualTo("active");
        assertThat(first.text("assignedAt")).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("assignedAt")).isEqualTo(first.text("assignedAt"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("no_seat_available");
        JsonNode seats = teams.seats(team);
        assertThat(seats.get("assigned").asInt()).isEqualTo(2);
        assertThat(seats.get("available").asInt()).isZero();
        assertThat(teams.statuses(team)).containsExactly("active", "active", "none");
        assertThat(purchases.labelOf(team.org(), team.member(2), team.member(0))).isEqualTo("active");
        assertThat(purchases.labelOf(team.org(), team.member(2), team.member(2))).isEqualTo("none");
        assertThat(teams.auditActions(team).stream().filter("seat.assigned"::equals)).hasSize(2);
    }

    @Test
    void onlyMembersGetSeats() {
        Team team = teams.team(0);
        purchases.buy(team.org(), team.owner(), 2);
        Api.User outsider = api.newUser("outsider");

        Api.Response assign = purchases.assign(team.org(), team.owner(), outsider);
        Api.Response revoke = purchases.revoke(team.org(), team.owner(), outsider);
        Api.Response nobody = api.put(seatsOf(team.org()) + "/assignments/" + UUID.randomUUID(), team.owner().token(), null);

        assertThat(assign.status()).isEqualTo(404);
        assertThat(assign.code()).isEqualTo("member_not_found");
        assertThat(revoke.code()).isEqualTo("member_not_found");
        assertThat(nobody.code()).isEqualTo("member_not_found");
        assertThat(teams.seats(team).get("assignments")).isEmpty();
    }

    @Test
    void aRevokedMemberStaysInTheOrgAndCanBeAssignedAgain() {
        Team team = teams.team(2);
        purchases.buy(team.org(), team.owner(), 1);
        teams.assignAll(team, team.member(0));

        Api.Response revoked = purchases.revoke(team.org(), team.owner(), team.member(0));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(teams.statuses(team)).containsExactly("revoked", "none");
        assertThat(purchases.labelOf(team.org(), team.owner(), team.member(0))).isEqualTo("revoked");
        assertThat(purchases.revoke(team.org(), team.owner(), team.member(0)).status()).isEqualTo(204);
        assertThat(purchases.revoke(team.org(), team.owner(), team.member(1)).status()).isEqualTo(204);
        assertThat(teams.seats(team).get("available").asInt()).isEqualTo(1);

        teams.assignAll(team, team.member(1));
        assertThat(purchases.assign(team.org(), team.owner(), team.member(0)).code()).isEqualTo("no_seat_available");
        purchases.revoke(team.org(), team.owner(), team.member(1));
        teams.assignAll(team, team.member(0));

        assertThat(teams.statuses(team)).containsExactly("active", "revoked");
        assertThat(teams.auditActions(team)).containsSubsequence("seat.assigned", "seat.revoked", "seat.assigned",
                "seat.revoked", "seat.assigned");
    }

    @Test
    void aMemberWhoLeavesEndsTheirSeatAndFreesItForTheOldestSuspended() {
        Team team = teams.team(3);
        String subscription = purchases.buy(team.org(), team.owner(), 3);
        teams.assignAll(team, team.member(0), team.member(1), team.member(2));
        purchases.change(subscription, Map.of("quantity", 1));

        Api.Response left = api.delete("/api/v1/orgs/" + team.org() + "/members/" + team.member(0).id(),
                team.member(0).token());
        assertThat(left.status()).isEqualTo(204);
        Api.Response removed = api.delete("/api/v1/orgs/" + team.org() + "/members/" + team.member(2).id(),
                team.owner().token());
        assertThat(removed.status()).isEqualTo(204);

        assertThat(teams.statuses(team)).containsExactly("ended", "active", "ended");
        assertThat(teams.seats(team).get("assigned").asInt()).isEqualTo(1);
        assertThat(teams.auditActions(team)).containsSubsequence("seat.suspended", "seat.ended", "seat.restored", "seat.ended");
        assertThat(purchases.pro(team.member(0))).isFalse();
        assertThat(purchases.pro(team.member(1))).isTrue();
    }

    @Test
    void everySeatChangeIsAudited() {
        Team team = teams.team(3);
        String subscription = purchases.buy(team.org(), team.owner(), 2);
        teams.assignAll(team, team.member(0), team.member(1));
        purchases.change(subscription, Map.of("quantity", 1));
        purchases.change(subscription, Map.of("quantity", 2));
        purchases.revoke(team.org(), team.owner(), team.member(1));
        api.delete("/api/v1/orgs/" + team.org() + "/members/" + team.member(0).id(), team.owner().token());

        assertThat(teams.auditActions(team)).containsSubsequence("subscription.updated", "seat.assigned", "seat.assigned",
                "subscription.updated", "seat.suspended", "subscription.updated", "seat.restored", "seat.revoked",
                "seat.ended");
        JsonNode suspended = StreamSupport.stream(api.get("/api/v1/orgs/" + team.org() + "/audit-events",
                        team.owner().token()).body().get("items").spliterator(), false)
                .filter(event -> event.get("action").asString().equals("seat.suspended")).findFirst().orElseThrow();
        assertThat(suspended.get("targetType").asString()).isEqualTo("seat");
        assertThat(suspended.get("targetId").asString()).isEqualTo(team.member(1).id().toString());
        assertThat(suspended.get("actorUserId").isNull()).as("the provider's doing").isTrue();
        assertThat(suspended.at("/before/status").asString()).isEqualTo("active");
        assertThat(suspended.at("/after/status").asString()).isEqualTo("suspended");
    }
}
