package com.getpaidx.orgs.seat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.PermissionTable;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Fixtures.Roster;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.of;

/**
 * DESIGN §2 for the seat endpoints: every member sees the seats; only billing managers (owner and
 * billing_admin) buy, open the portal, sync, assign and revoke. A non-member gets 404, never 403.
 */
@IntegrationTest
class SeatPermissionIntegrationTests {

    private static final String SEATS = "GET /orgs/{id}/seats";
    private static final String CHECKOUT = "POST /orgs/{id}/seats/checkout";
    private static final String PORTAL = "POST /orgs/{id}/seats/portal";
    private static final String SYNC = "POST /orgs/{id}/seats/sync";
    private static final String ASSIGN = "PUT /orgs/{id}/seats/assignments/{member}";
    private static final String REVOKE = "DELETE /orgs/{id}/seats/assignments/{member}";

    private static final Map<String, PermissionTable.Call> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put(SEATS, (api, r, token) -> api.get(seats(r), token));
        ENDPOINTS.put(CHECKOUT, (api, r, token) -> api.post(seats(r) + "/checkout", token, Map.of("quantity", 2)));
        ENDPOINTS.put(PORTAL, (api, r, token) -> api.post(seats(r) + "/portal", token, null));
        ENDPOINTS.put(SYNC, (api, r, token) -> api.post(seats(r) + "/sync", token, null));
        ENDPOINTS.put(ASSIGN, (api, r, token) -> api.put(seats(r) + "/assignments/" + r.member().id(), token, null));
        ENDPOINTS.put(REVOKE, (api, r, token) -> api.delete(seats(r) + "/assignments/" + r.member().id(), token));
    }

    /** Portal and sync need a subscription; these endpoints are called on a roster that bought two seats. */
    private static final Set<String> WITH_SEATS = Set.of(PORTAL, SYNC, ASSIGN, REVOKE);

    static Stream<Arguments> everySeatEndpointForEveryCaller() {
        return Stream.of(
                of(SEATS, "owner", 200, null),
                of(SEATS, "admin", 200, null),
                of(SEATS, "billing_admin", 200, null),
                of(SEATS, "member", 200, null),
                of(SEATS, "non_member", 404, "org_not_found"),
                of(SEATS, "anonymous", 401, "unauthorized"),

                of(CHECKOUT, "owner", 201, null),
                of(CHECKOUT, "admin", 403, "forbidden"),
                of(CHECKOUT, "billing_admin", 201, null),
                of(CHECKOUT, "member", 403, "forbidden"),
                of(CHECKOUT, "non_member", 404, "org_not_found"),
                of(CHECKOUT, "anonymous", 401, "unauthorized"),

                of(PORTAL, "owner", 200, null),
                of(PORTAL, "admin", 403, "forbidden"),
                of(PORTAL, "billing_admin", 200, null),
                of(PORTAL, "member", 403, "forbidden"),
                of(PORTAL, "non_member", 404, "org_not_found"),
                of(PORTAL, "anonymous", 401, "unauthorized"),

                of(SYNC, "owner", 200, null),
                of(SYNC, "admin", 403, "forbidden"),
                of(SYNC, "billing_admin", 200, null),
                of(SYNC, "member", 403, "forbidden"),
                of(SYNC, "non_member", 404, "org_not_found"),
                of(SYNC, "anonymous", 401, "unauthorized"),

                of(ASSIGN, "owner", 200, null),
                of(ASSIGN, "admin", 403, "forbidden"),
                of(ASSIGN, "billing_admin", 200, null),
                of(ASSIGN, "member", 403, "forbidden"),
                of(ASSIGN, "non_member", 404, "org_not_found"),
                of(ASSIGN, "anonymous", 401, "unauthorized"),

                of(REVOKE, "owner", 204, null),
                of(REVOKE, "admin", 403, "forbidden"),
                of(REVOKE, "billing_admin", 204, null),
                of(REVOKE, "member", 403, "forbidden"),
                of(REVOKE, "non_member", 404, "org_not_found"),
                of(REVOKE, "anonymous", 401, "unauthorized"));
    }

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @ParameterizedTest(name = "{0} by {1} → {2} {3}")
    @MethodSource("everySeatEndpointForEveryCaller")
    void eachCallerGetsTheAnswerOfTheDesign(String endpoint, String caller, int status, String code) {
        Roster roster = fixtures.roster();
        if (WITH_SEATS.contains(endpoint)) {
            SeatPurchases purchases = new SeatPurchases(api);
            purchases.buy(roster.org(), roster.owner(), 2);
            if (endpoint.equals(REVOKE)) {
                assertThat(purchases.assign(roster.org(), roster.owner(), roster.member()).status()).isEqualTo(200);
            }
        }
        PermissionTable.assertAnswer(api, roster, ENDPOINTS, endpoint, caller, status, code);
    }

    @Test
    void theTableHasOneRowForEveryEndpointAndCaller() {
        PermissionTable.assertCoversEveryCell(ENDPOINTS.keySet(), SeatPermissionIntegrationTests::everySeatEndpointForEveryCaller);
    }

    @Test
    void anArchivedOrgRefusesSeatChangesButStillShowsItsSeats() {
        Roster roster = fixtures.roster();
        assertThat(api.post("/api/v1/orgs/" + roster.org() + "/archive", roster.owner().token(), null).status())
                .isEqualTo(200);

        assertThat(api.get(seats(roster), roster.member().token()).status()).isEqualTo(200);
        for (String endpoint : List.of(CHECKOUT, ASSIGN, REVOKE)) {
            Api.Response refused = ENDPOINTS.get(endpoint).send(api, roster, roster.owner().token());
            assertThat(refused.status()).as(endpoint).isEqualTo(409);
            assertThat(refused.code()).as(endpoint).isEqualTo("org_archived");
        }
    }

    private static String seats(Roster roster) {
        return "/api/v1/orgs/" + roster.org() + "/seats";
    }
}
