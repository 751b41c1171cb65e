package com.getpaidx.orgs.seat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static com.getpaidx.orgs.seat.SeatPurchases.seatsOf;
import static com.getpaidx.orgs.seat.SeatPurchases.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Seats bought in the sandbox, assigned, suspended and restored as the subscription changes, over HTTP. */
@IntegrationTest
class SeatIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    private SeatPurchases purchases;

    private SeatPurchases purchases() {
        if (purchases == null) {
            purchases = new SeatPurchases(api);
        }
        return purchases;
    }

    /** An org of an owner and {@code members} plain members, in the order they were added. */
    private record Team(UUID org, Api.User owner, List<Api.User> members) {

        Api.User member(int index) {
            return members.get(index);
        }
    }

    private Team team(int members) {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        List<Api.User> added = new java.util.ArrayList<>();
        for (int i = 0; i < members; i++) {
            added.add(fixtures.newMember(org, owner, Role.MEMBER));
        }
        return new Team(org, owner, List.copyOf(added));
    }

    private void assignAll(Team team, Api.User... users) {
        for (Api.User user : users) {
            Api.Response assigned = purchases().assign(team.org(), team.owner(), user);
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        }
    }

    private JsonNode seats(Team team) {
        return purchases().seats(team.org(), team.owner());
    }

    private List<String> statuses(Team team) {
        JsonNode seats = seats(team);
        return team.members().stream().map(member -> statusOf(seats, member)).toList();
    }

    private List<String> auditActions(Team team) {
        JsonNode items = api.get("/api/v1/orgs/" + team.org() + "/audit-events?limit=200", team.owner().token())
                .body().get("items");
        return StreamSupport.stream(items.spliterator(), false).map(event -> event.get("action").asString()).toList()
                .reversed();
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
        assertThat(purchases().assign(roster.org(), roster.owner(), roster.member()).code()).isEqualTo("no_seat_available");
    }

    @Test
    void buyingSeatsIsASubscriptionCheckoutAndPayingForItPaysForTheSeats() {
        Team team = team(0);

        Api.Response checkout = purchases().checkout(team.org(), team.owner(), 3);

        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        assertThat(checkout.text("checkoutUrl")).contains("/sandbox/checkout/cs_sbx_");
        assertThat(seats(team).get("paid").asInt()).isZero();

        api.post("/sandbox/api/checkout-sessions/" + SeatPurchases.sessionOf(checkout) + "/complete", null, null);

        JsonNode seats = seats(team);
        assertThat(seats.get("paid").asInt()).isEqualTo(3);
        assertThat(seats.get("available").asInt()).isEqualTo(3);
        JsonNode subscription = seats.get("subscription");
        assertThat(subscription.get("id").asString()).startsWith("sub_sbx_");
        assertThat(subscription.get("status").asString()).isEqualTo("active");
        assertThat(subscription.get("quantity").asInt()).isEqualTo(3);
        assertThat(subscription.get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(Instant.parse(subscription.get("currentPeriodEnd").asString())).isAfter(Instant.now().plusSeconds(27 * 86400));
        assertThat(auditActions(team)).containsOnlyOnce("subscription.updated");
    }

    @Test
    void theQuantityOfACheckoutIsOneToAThousand() {
        Team team = team(0);
        for (Object quantity : new Object[] { 0, 1001, -3, "many" }) {
            Api.Response refused = purchases().checkout(team.org(), team.owner(), quantity);
            assertThat(refused.status()).as("quantity %s", quantity).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation_failed");
        }
        assertThat(purchases().checkout(team.org(), team.owner(), null).code()).isEqualTo("validation_failed");
        assertThat(purchases().checkout(team.org(), team.owner(), 1000).status()).isEqualTo(201);
    }

    @Test
    void aLiveSubscriptionRefusesASecondCheckoutUntilItIsCanceled() {
        Team team = team(0);
        String subscription = purchases().buy(team.org(), team.owner(), 2);

        for (String status : List.of("past_due", "unpaid", "paused", "incomplete")) {
            purchases().change(subscription, Map.of("status", status));
            Api.Response second = purchases().checkout(team.org(), team.owner(), 1);
            assertThat(second.status()).as(status).isEqualTo(409);
            assertThat(second.code()).isEqualTo("subscription_exists");
        }
        purchases().change(subscription, Map.of("status", "canceled"));

        String next = purchases().buy(team.org(), team.owner(), 4);

        JsonNode seats = seats(team);
        assertThat(seats.at("/subscription/id").asString()).isEqualTo(next).isNotEqualTo(subscription);
        assertThat(seats.get("paid").asInt()).isEqualTo(4);
    }

    @Test
    void theBillingPortalNeedsASubscription() {
        Team team = team(0);
        Api.Response none = api.post(seatsOf(team.org()) + "/portal", team.owner().token(), null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("no_subscription");
        assertThat(api.post(seatsOf(team.org()) + "/sync", team.owner().token(), null).code()).isEqualTo("no_subscription");

        purchases().buy(team.org(), team.owner(), 1);
        Api.Response portal = api.post(seatsOf(team.org()) + "/portal", team.owner().token(), null);

        assertThat(portal.status()).as(portal.toString()).isEqualTo(200);
        assertThat(portal.text("portalUrl")).contains("/sandbox/portal/cus_sbx_");
    }

    @Test
    void assigningGivesAnActiveSeatUntilNoneIsLeft() {
        Team team = team(3);
        purchases().buy(team.org(), team.owner(), 2);

        Api.Response first = purchases().assign(team.org(), team.owner(), team.member(0));
        Api.Response again = purchases().assign(team.org(), team.owner(), team.member(0));
        Api.Response second = purchases().assign(team.org(), team.owner(), team.member(1));
        Api.Response third = purchases().assign(team.org(), team.owner(), team.member(2));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.text("userId")).isEqualTo(team.member(0).id().toString());
        assertThat(first.text("status")).isEqualTo("active");
        assertThat(first.text("assignedAt")).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("assignedAt")).isEqualTo(first.text("assignedAt"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("no_seat_available");
        JsonNode seats = seats(team);
        assertThat(seats.get("assigned").asInt()).isEqualTo(2);
        assertThat(seats.get("available").asInt()).isZero();
        assertThat(statuses(team)).containsExactly("active", "active", "none");
        assertThat(purchases().labelOf(team.org(), team.member(2), team.member(0))).isEqualTo("active");
        assertThat(purchases().labelOf(team.org(), team.member(2), team.member(2))).isEqualTo("none");
        assertThat(auditActions(team).stream().filter("seat.assigned"::equals)).hasSize(2);
    }

    @Test
    void onlyMembersGetSeats() {
        Team team = team(0);
        purchases().buy(team.org(), team.owner(), 2);
        Api.User outsider = api.newUser("outsider");

        Api.Response assign = purchases().assign(team.org(), team.owner(), outsider);
        Api.Response revoke = purchases().revoke(team.org(), team.owner(), outsider);
        Api.Response nobody = api.put(seatsOf(team.org()) + "/assignments/" + UUID.randomUUID(), team.owner().token(), null);

        assertThat(assign.status()).isEqualTo(404);
        assertThat(assign.code()).isEqualTo("member_not_found");
        assertThat(revoke.code()).isEqualTo("member_not_found");
        assertThat(nobody.code()).isEqualTo("member_not_found");
        assertThat(seats(team).get("assignments")).isEmpty();
    }

    @Test
    void aRevokedMemberStaysInTheOrgAndCanBeAssignedAgain() {
        Team team = team(2);
        purchases().buy(team.org(), team.owner(), 1);
        assignAll(team, team.member(0));

        Api.Response revoked = purchases().revoke(team.org(), team.owner(), team.member(0));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(statuses(team)).containsExactly("revoked", "none");
        assertThat(purchases().labelOf(team.org(), team.owner(), team.member(0))).isEqualTo("revoked");
        assertThat(purchases().revoke(team.org(), team.owner(), team.member(0)).status()).isEqualTo(204);
        assertThat(purchases().revoke(team.org(), team.owner(), team.member(1)).status()).isEqualTo(204);
        assertThat(seats(team).get("available").asInt()).isEqualTo(1);

        assignAll(team, team.member(1));
        assertThat(purchases().assign(team.org(), team.owner(), team.member(0)).code()).isEqualTo("no_seat_available");
        purchases().revoke(team.org(), team.owner(), team.member(1));
        assignAll(team, team.member(0));

        assertThat(statuses(team)).containsExactly("active", "revoked");
        assertThat(auditActions(team)).containsSubsequence("seat.assigned", "seat.revoked", "seat.assigned",
                "seat.revoked", "seat.assigned");
    }

    @Test
    void whenSeatsAreTakenAwayTheNewestAreSuspendedAndWhenTheyComeBackTheOldestReturnFirst() {
        Team team = team(4);
        String subscription = purchases().buy(team.org(), team.owner(), 4);
        assignAll(team, team.member(0), team.member(1), team.member(2), team.member(3));

        purchases().change(subscription, Map.of("quantity", 2));
        assertThat(statuses(team)).containsExactly("active", "active", "suspended", "suspended");
        JsonNode seats = seats(team);
        assertThat(seats.get("paid").asInt()).isEqualTo(2);
        assertThat(seats.get("assigned").asInt()).isEqualTo(2);
        assertThat(seats.get("suspended").asInt()).isEqualTo(2);
        assertThat(seats.get("available").asInt()).isZero();
        assertThat(purchases().labelOf(team.org(), team.owner(), team.member(3))).isEqualTo("suspended");

        purchases().change(subscription, Map.of("quantity", 3));
        assertThat(statuses(team)).containsExactly("active", "active", "active", "suspended");

        purchases().change(subscription, Map.of("quantity", 1));
        assertThat(statuses(team)).containsExactly("active", "suspended", "suspended", "suspended");

        purchases().change(subscription, Map.of("quantity", 10));
        assertThat(statuses(team)).containsExactly("active", "active", "active", "active");
        assertThat(seats(team).get("available").asInt()).isEqualTo(6);
    }

    @Test
    void revokedSeatsNeverComeBackByThemselvesButAFreedSeatRestoresTheOldestSuspended() {
        Team team = team(3);
        String subscription = purchases().buy(team.org(), team.owner(), 3);
        assignAll(team, team.member(0), team.member(1), team.member(2));
        purchases().change(subscription, Map.of("quantity", 1));
        assertThat(statuses(team)).containsExactly("active", "suspended", "suspended");

        purchases().revoke(team.org(), team.owner(), team.member(0));

        assertThat(statuses(team)).containsExactly("revoked", "active", "suspended");
        purchases().change(subscription, Map.of("quantity", 5));
        assertThat(statuses(team)).containsExactly("revoked", "active", "active");
        assertThat(purchases().assign(team.org(), team.owner(), team.member(0)).text("status")).isEqualTo("active");
    }

    @Test
    void theSubscriptionsStatusDecidesWhetherItsSeatsArePaid() {
        Team team = team(2);
        String subscription = purchases().buy(team.org(), team.owner(), 2);
        assignAll(team, team.member(0), team.member(1));

        purchases().change(subscription, Map.of("status", "past_due"));
        assertThat(seats(team).get("paid").asInt()).as("past_due, in grace").isEqualTo(2);
        assertThat(statuses(team)).containsExactly("active", "active");

        purchases().change(subscription, Map.of("status", "unpaid"));
        assertThat(seats(team).get("paid").asInt()).isZero();
        assertThat(statuses(team)).containsExactly("suspended", "suspended");

        purchases().change(subscription, Map.of("status", "active"));
        assertThat(statuses(team)).containsExactly("active", "active");

        purchases().change(subscription, Map.of("cancelAtPeriodEnd", true));
        JsonNode cancelling = seats(team);
        assertThat(cancelling.at("/subscription/cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(cancelling.get("paid").asInt()).as("paid until the period ends").isEqualTo(2);

        purchases().change(subscription, Map.of("status", "canceled"));
        JsonNode canceled = seats(team);
        assertThat(canceled.at("/subscription/status").asString()).isEqualTo("canceled");
        assertThat(canceled.get("paid").asInt()).isZero();
        assertThat(statuses(team)).containsExactly("suspended", "suspended");
    }

    @Test
    void aMemberWhoLeavesEndsTheirSeatAndFreesItForTheOldestSuspended() {
        Team team = team(3);
        String subscription = purchases().buy(team.org(), team.owner(), 3);
        assignAll(team, team.member(0), team.member(1), team.member(2));
        purchases().change(subscription, Map.of("quantity", 1));

        Api.Response left = api.delete("/api/v1/orgs/" + team.org() + "/members/" + team.member(0).id(),
                team.member(0).token());
        assertThat(left.status()).isEqualTo(204);
        Api.Response removed = api.delete("/api/v1/orgs/" + team.org() + "/members/" + team.member(2).id(),
                team.owner().token());
        assertThat(removed.status()).isEqualTo(204);

        assertThat(statuses(team)).containsExactly("ended", "active", "ended");
        assertThat(seats(team).get("assigned").asInt()).isEqualTo(1);
        assertThat(auditActions(team)).containsSubsequence("seat.suspended", "seat.ended", "seat.restored", "seat.ended");
        assertThat(purchases().pro(team.member(0))).isFalse();
        assertThat(purchases().pro(team.member(1))).isTrue();
    }

    @Test
    void syncReadsAChangeWhoseWebhookHasNotArrived() {
        Team team = team(2);
        String subscription = purchases().buy(team.org(), team.owner(), 2);
        assignAll(team, team.member(0), team.member(1));
        purchases().changeQuietly(subscription, Map.of("quantity", 1));
        assertThat(seats(team).get("paid").asInt()).as("before the webhook").isEqualTo(2);

        Api.Response synced = api.post(seatsOf(team.org()) + "/sync", team.owner().token(), null);

        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.body().get("paid").asInt()).isEqualTo(1);
        assertThat(synced.body().get("suspended").asInt()).isEqualTo(1);
        assertThat(statuses(team)).containsExactly("active", "suspended");
        JsonNode audit = api.get("/api/v1/orgs/" + team.org() + "/audit-events", team.owner().token()).body().get("items");
        JsonNode update = StreamSupport.stream(audit.spliterator(), false)
                .filter(event -> event.get("action").asString().equals("subscription.updated")).findFirst().orElseThrow();
        assertThat(update.get("actorUserId").asString()).as("the sync's caller").isEqualTo(team.owner().id().toString());
        assertThat(update.at("/before/quantity").asInt()).isEqualTo(2);
        assertThat(update.at("/after/quantity").asInt()).isEqualTo(1);
    }

    @Test
    void anOrgIsNotArchivedWhileItsSubscriptionMayBePaid() {
        Team team = team(0);
        String subscription = purchases().buy(team.org(), team.owner(), 1);
        String archive = "/api/v1/orgs/" + team.org() + "/archive";

        for (String status : List.of("active", "trialing", "past_due")) {
            purchases().change(subscription, Map.of("status", status));
            Api.Response refused = api.post(archive, team.owner().token(), null);
            assertThat(refused.status()).as(status).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("subscription_active");
        }
        assertThat(api.get("/api/v1/orgs/" + team.org(), team.owner().token()).text("status")).isEqualTo("active");

        purchases().change(subscription, Map.of("status", "canceled"));
        Api.Response archived = api.post(archive, team.owner().token(), null);

        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.text("status")).isEqualTo("archived");
        assertThat(purchases().checkout(team.org(), team.owner(), 1).code()).isEqualTo("org_archived");
    }

    @Test
    void anOrgWithoutSeatsArchivesAsBefore() {
        Team team = team(0);
        assertThat(api.post("/api/v1/orgs/" + team.org() + "/archive", team.owner().token(), null).status()).isEqualTo(200);
    }

    @Test
    void entitlementsFollowActiveSeatsInAnyOrg() {
        Team first = team(1);
        Api.User person = first.member(0);
        Api.User otherOwner = api.newUser("owner");
        UUID second = api.newOrg(otherOwner);
        fixtures.addMember(second, otherOwner, person, Role.MEMBER);
        String firstSubscription = purchases().buy(first.org(), first.owner(), 1);
        purchases().buy(second, otherOwner, 1);
        assertThat(purchases().pro(person)).isFalse();

        assignAll(first, person);
        purchases().assign(second, otherOwner, person);

        JsonNode mine = api.get("/api/v1/me/entitlements", person.token()).body();
        assertThat(mine.get("pro").asBoolean()).isTrue();
        assertThat(mine.get("sources")).extracting(source -> source.get("orgId").asString())
                .containsExactly(first.org().toString(), second.toString());
        Api.Response asService = api.get("/api/v1/users/" + person.id() + "/entitlements", api.serviceToken());
        assertThat(asService.status()).isEqualTo(200);
        assertThat(asService.body()).isEqualTo(mine);

        purchases().change(firstSubscription, Map.of("quantity", 0));
        assertThat(api.get("/api/v1/me/entitlements", person.token()).body().get("sources"))
                .extracting(source -> source.get("orgId").asString()).containsExactly(second.toString());
        purchases().revoke(second, otherOwner, person);
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

    @Test
    void everySeatChangeIsAudited() {
        Team team = team(3);
        String subscription = purchases().buy(team.org(), team.owner(), 2);
        assignAll(team, team.member(0), team.member(1));
        purchases().change(subscription, Map.of("quantity", 1));
        purchases().change(subscription, Map.of("quantity", 2));
        purchases().revoke(team.org(), team.owner(), team.member(1));
        api.delete("/api/v1/orgs/" + team.org() + "/members/" + team.member(0).id(), team.owner().token());

        assertThat(auditActions(team)).containsSubsequence("subscription.updated", "seat.assigned", "seat.assigned",
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
