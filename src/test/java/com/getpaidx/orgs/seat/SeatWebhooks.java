package com.getpaidx.orgs.seat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.SignedWebhooks;
import com.getpaidx.orgs.support.StripeEvents;

import static com.getpaidx.orgs.seat.SeatPurchases.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seat subscriptions that live in the sandbox (whose own webhooks are held back) and the Stripe-signed events
 * that name them, posted to {@code /webhooks/stripe}: each makes the inbox re-read the sandbox's current state.
 */
final class SeatWebhooks {

    record Team(UUID org, Api.User owner, List<Api.User> members, String subscriptionId, String customerId,
            String sessionId) {
    }

    private final Api api;
    private final Fixtures fixtures;
    private final SignedWebhooks webhooks;

    SeatWebhooks(Api api, Fixtures fixtures, Environment environment, MutableClock clock) {
        this.api = api;
        this.fixtures = fixtures;
        this.webhooks = new SignedWebhooks(api, environment, clock);
    }

    SeatPurchases purchases() {
        return new SeatPurchases(api);
    }

    Team threeMembersOnThreeSeats() {
        return threeMembersOnThreeSeats(SignedWebhooks.eventId());
    }

    /**
     * Three members on three seats of a subscription paid in the sandbox, none of whose own webhooks were
     * delivered: the org learns of it from a signed {@code checkout.session.completed} with the given id.
     */
    Team threeMembersOnThreeSeats(String checkoutEventId) {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        List<Api.User> members = List.of(fixtures.newMember(org, owner, Role.MEMBER),
                fixtures.newMember(org, owner, Role.MEMBER), fixtures.newMember(org, owner, Role.MEMBER));
        Api.Response checkout = purchases().checkout(org, owner, 3);
        String session = SeatPurchases.sessionOf(checkout);
        Api.Response paid = api.post("/sandbox/api/checkout-sessions/" + session + "/complete?deliverEvent=false",
                null, null);
        Team team = new Team(org, owner, members, paid.text("subscriptionId"), paid.text("customerId"), session);
        assertThat(purchases().seats(org, owner).get("paid").asInt()).as("no webhook yet").isZero();

        assertThat(deliverSigned(completedCheckout(checkoutEventId, team)).status()).isEqualTo(200);
        assertThat(purchases().seats(org, owner).get("paid").asInt()).isEqualTo(3);
        for (Api.User member : members) {
            assertThat(purchases().assign(org, owner, member).status()).isEqualTo(200);
        }
        return team;
    }

    /** A subscription as Stripe would send it in an event: its own copy, possibly long out of date. */
    private static String subscriptionObject(Team team, String status, int quantity) {
        return """
                {"id":"%s","object":"subscription","customer":"%s","status":"%s","cancel_at_period_end":false,
                 "items":{"object":"list","data":[{"id":"si_test_1","object":"subscription_item","quantity":%d,
                   "current_period_start":1767225660,"current_period_end":1769904060,
                   "price":{"id":"price_test_seat","object":"price"}}],"has_more":false},
                 "metadata":{"org_id":"%s","kind":"seats"}}"""
                .formatted(team.subscriptionId(), team.customerId(), status, quantity, team.org());
    }

    static String subscriptionEvent(String eventId, String type, Team team, String status, int quantity) {
        return StripeEvents.event(eventId, type, StripeEvents.SDK_API_VERSION, subscriptionObject(team, status, quantity));
    }

    static String completedCheckout(String eventId, Team team) {
        String session = """
                {"id":"%s","object":"checkout.session","mode":"subscription","status":"complete",
                 "payment_status":"paid","client_reference_id":"%s","metadata":{"org_id":"%s","kind":"seats"},
                 "customer":"%s","payment_intent":null,"subscription":"%s","amount_total":3600,"currency":"usd"}"""
                .formatted(team.sessionId(), team.org(), team.org(), team.customerId(), team.subscriptionId());
        return StripeEvents.event(eventId, "checkout.session.completed", StripeEvents.SDK_API_VERSION, session);
    }

    /** Signed now with the endpoint's secret. */
    Api.Response deliverSigned(String payload) {
        return webhooks.deliver(payload);
    }

    /** With the given {@code Stripe-Signature} header. */
    Api.Response deliver(String payload, String signature) {
        return webhooks.deliver(payload, signature);
    }

    /** What the org's seats are, without the ids and times that differ from one team to the next. */
    List<String> outcome(Team team) {
        JsonNode seats = purchases().seats(team.org(), team.owner());
        List<String> outcome = new ArrayList<>(List.of("paid=" + seats.get("paid").asInt(),
                "assigned=" + seats.get("assigned").asInt(), "suspended=" + seats.get("suspended").asInt(),
                "status=" + seats.at("/subscription/status").asString(),
                "quantity=" + seats.at("/subscription/quantity").asInt(),
                "cancelAtPeriodEnd=" + seats.at("/subscription/cancelAtPeriodEnd").asBoolean()));
        team.members().forEach(member -> outcome.add(statusOf(seats, member)));
        return outcome;
    }
}
