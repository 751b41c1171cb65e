package com.getpaidx.orgs.seat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Buying seats in the sandbox, over HTTP: a new org has none; buying is a subscription checkout of one to a thousand
 * seats that pays for them once completed; a live subscription refuses a second checkout until it is canceled; the
 * billing portal and the sync need a subscription, and the sync reads a change whose webhook has not arrived; an org is
 * not archived while its subscription may still be paid. Assignments are in {@link SeatAssignmentIntegrationTests},
 * seats suspended and restored and what they entitle in {@link SeatEntitlementIntegrationTests}.
 */
@IntegrationTest
class SeatPurchaseIntegrationTests {

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
    void aNewOrgHasNoSeatsAndNoSubscription() {
        Fixtures.Roster roster = fixtures.roster();

        Api.Response seats = api.get(seatsOf(roster.org()), roster.member().token());

        assertThat(seats.status()).isEqualTo(200);
        assertThat(seats.body().get("paid").asInt()).isZero();
        assertThat(seats.body().get("assigned").asInt()).isZero();
        assertThat(seats.body().get("available").asInt()).isZero();
        assertThat(seats.body().get("suspended").asInt()).isZero();
        assertThat(seats.body().get("subscription").isNull()).isTrue();
        assertThat(seats.body().get("assignments")).isEmpty();
        assertThat(purchases.assign(roster.org(), roster.owner(), roster.member()).code()).isEqualTo("no_seat_available");
    }

    @Test
    void buyingSeatsIsASubscriptionCheckoutAndPayingForItPaysForTheSeats() {
        Team team = teams.team(0);

        Api.Response checkout = purchases.checkout(team.org(), team.owner(), 3);

        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        assertThat(checkout.text("checkoutUrl")).contains("/sandbox/checkout/cs_sbx_");
        assertThat(teams.seats(team).get("paid").asInt()).isZero();

        api.post("/sandbox/api/checkout-sessions/" + SeatPurchases.sessionOf(checkout) + "/complete", null, null);

        JsonNode seats = teams.seats(team);
        assertThat(seats.get("paid").asInt()).isEqualTo(3);
        assertThat(seats.get("available").asInt()).isEqualTo(3);
        JsonNode subscription = seats.get("subscription");
        assertThat(subscription.get("id").asString()).startsWith("sub_sbx_");
        assertThat(subscription.get("status").asString()).isEqualTo("active");
        assertThat(subscription.get("quantity").asInt()).isEqualTo(3);
        assertThat(subscription.get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(Instant.parse(subscription.get("currentPeriodEnd").asString())).isAfter(Instant.now().plusSeconds(27 * 86400));
        assertThat(teams.auditActions(team)).containsOnlyOnce("subscription.updated");
    }

    @Test
    void theQuantityOfACheckoutIsOneToAThousand() {
        Team team = teams.team(0);
        for (Object quantity : new Object[] { 0, 1001, -3, "many" }) {
            Api.Response refused = purchases.checkout(team.org(), team.owner(), quantity);
            assertThat(refused.status()).as("quantity %s", quantity).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation_failed");
        }
        assertThat(purchases.checkout(team.org(), team.owner(), null).code()).isEqualTo("validation_failed");
        assertThat(purchases.checkout(team.org(), team.owner(), 1000).status()).isEqualTo(201);
    }

    @Test
    void aLiveSubscriptionRefusesASecondCheckoutUntilItIsCanceled() {
        Team team = teams.team(0);
        String subscription = purchases.buy(team.org(), team.owner(), 2);

        for (String status : List.of("past_due", "unpaid", "paused", "incomplete")) {
            purchases.change(subscription, Map.of("status", status));
            Api.Response second = purchases.checkout(team.org(), team.owner(), 1);
            assertThat(second.status()).as(status).isEqualTo(409);
            assertThat(second.code()).isEqualTo("subscription_exists");
        }
        purchases.change(subscription, Map.of("status", "canceled"));

        String next = purchases.buy(team.org(), team.owner(), 4);

        JsonNode seats = teams.seats(team);
        assertThat(seats.at("/subscription/id").asString()).isEqualTo(next).isNotEqualTo(subscription);
        assertThat(seats.get("paid").asInt()).isEqualTo(4);
    }

    @Test
    void theBillingPortalNeedsASubscription() {
        Team team = teams.team(0);
        Api.Response none = api.post(seatsOf(team.org()) + "/portal", team.owner().token(), null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("no_subscription");
        assertThat(api.post(seatsOf(team.org()) + "/sync", team.owner().token(), null).code()).isEqualTo("no_subscription");

        purchases.buy(team.org(), team.owner(), 1);
        Api.Response portal = api.post(seatsOf(team.org()) + "/portal", team.owner().token(), null);

        assertThat(portal.status()).as(portal.toString()).isEqualTo(200);
        assertThat(portal.text("portalUrl")).contains("/sandbox/portal/cus_sbx_");
    }

    @Test
    void syncReadsAChangeWhoseWebhookHasNotArrived() {
        Team team = teams.team(2);
        String subscription = purchases.buy(team.org(), team.owner(), 2);
        teams.assignAll(team, team.member(0), team.member(1));
        purchases.changeQuietly(subscription, Map.of("quantity", 1));
        assertThat(teams.seats(team).get("paid").asInt()).as("before the webhook").isEqualTo(2);

        Api.Response synced = api.post(seatsOf(team.org()) + "/sync", team.owner().token(), null);

        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.body().get("paid").asInt()).isEqualTo(1);
        assertThat(synced.body().get("suspended").asInt()).isEqualTo(1);
        assertThat(teams.statuses(team)).containsExactly("active", "suspended");
        JsonNode audit = api.get("/api/v1/orgs/" + team.org() + "/audit-events", team.owner().token()).body().get("items");
        JsonNode update = StreamSupport.stream(audit.spliterator(), false)
                .filter(event -> event.get("action").asString().equals("subscription.updated")).findFirst().orElseThrow();
        assertThat(update.get("actorUserId").asString()).as("the sync's caller").isEqualTo(team.owner().id().toString());
        assertThat(update.at("/before/quantity").asInt()).isEqualTo(2);
        assertThat(update.at("/after/quantity").asInt()).isEqualTo(1);
    }

    @Test
    void anOrgIsNotArchivedWhileItsSubscriptionMayBePaid() {
        Team team = teams.team(0);
        String subscription = purchases.buy(team.org(), team.owner(), 1);
        String archive = "/api/v1/orgs/" + team.org() + "/archive";

        for (String status : List.of("active", "trialing", "past_due")) {
            purchases.change(subscription, Map.of("status", status));
            Api.Response refused = api.post(archive, team.owner().token(), null);
            assertThat(refused.status()).as(status).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("subscription_active");
        }
        assertThat(api.get("/api/v1/orgs/" + team.org(), team.owner().token()).text("status")).isEqualTo("active");

        purchases.change(subscription, Map.of("status", "canceled"));
        Api.Response archived = api.post(archive, team.owner().token(), null);

        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.text("status")).isEqualTo("archived");
        assertThat(purchases.checkout(team.org(), team.owner(), 1).code()).isEqualTo("org_archived");
    }

    @Test
    void anOrgWithoutSeatsArchivesAsBefore() {
        Team team = teams.team(0);
        assertThat(api.post("/api/v1/orgs/" + team.org() + "/archive", team.owner().token(), null).status()).isEqualTo(200);
    }
}
