package com.getpaidx.orgs.seat;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Seats bought and changed through the public API and the sandbox's Stripe-like test API, as a customer would. */
final class SeatPurchases {

    private final Api api;

    SeatPurchases(Api api) {
        this.api = api;
    }

    static String seatsOf(UUID org) {
        return "/api/v1/orgs/" + org + "/seats";
    }

    Api.Response checkout(UUID org, Api.User by, Object quantity) {
        return api.post(seatsOf(org) + "/checkout", by.token(), quantity == null ? Map.of() : Map.of("quantity", quantity));
    }

    /** Buys seats: a checkout, paid in the sandbox (its webhooks arrive before this returns). The subscription id. */
    String buy(UUID org, Api.User billingManager, int quantity) {
        Api.Response checkout = checkout(org, billingManager, quantity);
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        Api.Response paid = api.post("/sandbox/api/checkout-sessions/" + sessionOf(checkout) + "/complete", null, null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        return paid.text("subscriptionId");
    }

    static String sessionOf(Api.Response checkout) {
        String path = URI.create(checkout.text("checkoutUrl")).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Changes the subscription at the sandbox "Stripe", whose webhook is delivered before this returns. */
    Api.Response change(String subscriptionId, Map<String, Object> change) {
        Api.Response changed = api.post("/sandbox/api/subscriptions/" + subscriptionId, null, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return changed;
    }

    /** Changes the subscription at the sandbox "Stripe" and holds its webhook back. */
    Api.Response changeQuietly(String subscriptionId, Map<String, Object> change) {
        Api.Response changed = api.post("/sandbox/api/subscriptions/" + subscriptionId + "?deliverEvent=false", null,
                change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return changed;
    }

    JsonNode seats(UUID org, Api.User as) {
        Api.Response seats = api.get(seatsOf(org), as.token());
        assertThat(seats.status()).as(seats.toString()).isEqualTo(200);
        return seats.body();
    }

    Api.Response assign(UUID org, Api.User by, Api.User to) {
        return api.put(seatsOf(org) + "/assignments/" + to.id(), by.token(), null);
    }

    Api.Response revoke(UUID org, Api.User by, Api.User from) {
        return api.delete(seatsOf(org) + "/assignments/" + from.id(), by.token());
    }

    /** The user's assignment status in the seats view, {@code none} without one. */
    static String statusOf(JsonNode seats, Api.User user) {
        for (JsonNode assignment : seats.get("assignments")) {
            if (assignment.get("userId").asString().equals(user.id().toString())) {
                return assignment.get("status").asString();
            }
        }
        return "none";
    }

    /** The seat label the member list shows for the user. */
    String labelOf(UUID org, Api.User as, Api.User member) {
        for (JsonNode row : api.get("/api/v1/orgs/" + org + "/members", as.token()).body().get("items")) {
            if (row.get("userId").asString().equals(member.id().toString())) {
                return row.get("seat").asString();
            }
        }
        throw new AssertionError(member.email() + " is not a member");
    }

    boolean pro(Api.User user) {
        return api.get("/api/v1/me/entitlements", user.token()).body().get("pro").asBoolean();
    }
}
