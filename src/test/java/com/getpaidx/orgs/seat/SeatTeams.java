package com.getpaidx.orgs.seat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;

import static com.getpaidx.orgs.seat.SeatPurchases.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Fresh orgs of an owner and plain members for the seat tests; their seats and audit trail as the owner sees them. */
final class SeatTeams {

    /** An org of an owner and {@code members} plain members, in the order they were added. */
    record Team(UUID org, Api.User owner, List<Api.User> members) {

        Api.User member(int index) {
            return members.get(index);
        }
    }

    private final Api api;
    private final Fixtures fixtures;
    private final SeatPurchases purchases;

    SeatTeams(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        this.purchases = new SeatPurchases(api);
    }

    Team team(int members) {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        List<Api.User> added = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            added.add(fixtures.newMember(org, owner, Role.MEMBER));
        }
        return new Team(org, owner, List.copyOf(added));
    }

    void assignAll(Team team, Api.User... users) {
        for (Api.User user : users) {
            Api.Response assigned = purchases.assign(team.org(), team.owner(), user);
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        }
    }

    JsonNode seats(Team team) {
        return purchases.seats(team.org(), team.owner());
    }

    /** Each member's assignment status, in the order they were added. */
    List<String> statuses(Team team) {
        JsonNode seats = seats(team);
        return team.members().stream().map(member -> statusOf(seats, member)).toList();
    }

    /** The org's audit actions, oldest first. */
    List<String> auditActions(Team team) {
        JsonNode items = api.get("/api/v1/orgs/" + team.org() + "/audit-events?limit=200", team.owner().token())
                .body().get("items");
        return StreamSupport.stream(items.spliterator(), false).map(event -> event.get("action").asString()).toList()
                .reversed();
    }
}
