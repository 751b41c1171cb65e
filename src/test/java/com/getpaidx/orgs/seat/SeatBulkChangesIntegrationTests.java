package com.getpaidx.orgs.seat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The Seats section's checkboxes: several members at once, each with its own outcome. */
@IntegrationTest
class SeatBulkChangesIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void whenSeatsRunOutPartWayTheFirstMembersGetThemAndTheRestAreToldWhy() {
        Fixtures.Roster roster = fixtures.roster();
        new SeatPurchases(api).buy(roster.org(), roster.owner(), 2);
        PageSession owner = PageSession.signedIn(api, roster.owner());
        String seats = "/settings/organizations/" + roster.org() + "/seats";
        owner.get(seats);

        PageSession.Page assigned = owner.post(seats + "/assignments", picks("assign", roster.admin(), roster.member(),
                roster.billingAdmin()));

        assertThat(assigned.status()).isEqualTo(302);
        assertThat(assigned.location()).endsWith(seats);
        String page = owner.page(seats);
        assertThat(page).containsPattern("Seats changed for <span>2</span> of\\s+<span>3</span>")
                .containsPattern("data-result-user=\"" + roster.admin().id() + "\">\\s*<strong>[^<]+</strong>:\\s*<span>done")
                .containsPattern("data-result-user=\"" + roster.member().id() + "\">\\s*<strong>[^<]+</strong>:\\s*<span>done")
                .containsPattern("data-result-user=\"" + roster.billingAdmin().id()
                        + "\">[\\s\\S]*?data-code=\"no_seat_available\"");
        assertThat(activeSeats(roster)).containsExactlyInAnyOrder(roster.admin().id().toString(),
                roster.member().id().toString());

        owner.post(seats + "/assignments", picks("revoke", roster.admin(), roster.member()));
        assertThat(activeSeats(roster)).isEmpty();
    }

    @Test
    void aCallerWhoMayNotChangeSeatsIsRefusedAsAWhole() {
        Fixtures.Roster roster = fixtures.roster();
        PageSession member = PageSession.signedIn(api, roster.member());
        String seats = "/settings/organizations/" + roster.org() + "/seats";
        member.get(seats);

        PageSession.Page refused = member.post(seats + "/assignments", picks("assign", roster.member()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.alert().orElseThrow().code()).isEqualTo("forbidden");
        PageSession owner = PageSession.signedIn(api, roster.owner());
        owner.get(seats);
        assertThat(owner.post(seats + "/assignments", List.of(Map.entry("change", "assign"))).status())
                .as("no member chosen").isEqualTo(400);
    }

    private static List<Map.Entry<String, String>> picks(String change, Api.User... users) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("change", change)));
        for (Api.User user : users) {
            fields.add(Map.entry("userIds", user.id().toString()));
        }
        return fields;
    }

    private List<String> activeSeats(Fixtures.Roster roster) {
        List<String> active = new ArrayList<>();
        api.get(SeatPurchases.seatsOf(roster.org()), roster.owner().token()).body().get("assignments").forEach(a -> {
            if ("active".equals(a.get("status").asString())) {
                active.add(a.get("userId").asString());
            }
        });
        return active;
    }
}
