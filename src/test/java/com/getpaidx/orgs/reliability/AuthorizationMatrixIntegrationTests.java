package com.getpaidx.orgs.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the live OpenAPI document ({@code /v3/api-docs}) called by eight kinds of caller, each
 * answer compared with the one table below. An operation with no row fails the test, so a new endpoint cannot
 * escape the matrix. A call whose expected answer is a success gets a fresh org, so what it changed never
 * reaches the next caller; the refused calls of a row share one (a refusal changes nothing).
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    static final List<String> CALLERS = List.of("owner", "admin", "billing_admin", "member", "non_member", "other_owner",
            "anonymous", "service");

    /**
     * operation → answers for owner, admin, billing_admin, member, non_member, other org's owner, anonymous, service token. */
    static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("POST /api/v1/auth/signup", "201 201 201 201 201 201 201 201");
        MATRIX.put("POST /api/v1/auth/tokens", "201 201 201 201 201 201 201 201");
        MATRIX.put("DELETE /api/v1/auth/tokens/current", "204 204 204 204 204 204 401 403");
        MATRIX.put("GET /api/v1/event-deliveries", "403 403 403 403 403 403 401 200");
        MATRIX.put("POST /api/v1/event-deliveries/{id}/retry", "403 403 403 403 403 403 401 404");
        MATRIX.put("POST /api/v1/invitations/accept", "403 403 403 403 403 403 401 403");
        MATRIX.put("POST /api/v1/invitations/preview", "200 200 200 200 200 200 401 403");
        MATRIX.put("GET /api/v1/me", "200 200 200 200 200 200 401 403");
        MATRIX.put("GET /api/v1/me/billing-targets", "200 200 200 200 200 200 401 403");
        MATRIX.put("POST /api/v1/me/email-verification", "202 202 202 202 202 202 401 403");
        MATRIX.put("POST /api/v1/me/email-verification/confirm", "400 400 400 400 400 400 401 403");
        MATRIX.put("GET /api/v1/me/entitlements", "200 200 200 200 200 200 401 403");
        MATRIX.put("GET /api/v1/me/tokens", "200 200 200 200 200 200 401 403");
        MATRIX.put("DELETE /api/v1/me/tokens/{id}", "404 404 404 404 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs", "200 200 200 200 200 200 401 403");
        MATRIX.put("POST /api/v1/orgs", "201 201 201 201 201 201 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}", "200 200 200 200 404 404 401 403");
        MATRIX.put("PATCH /api/v1/orgs/{id}", "200 200 403 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/archive", "200 403 403 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/unarchive", "200 403 403 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/audit-events", "200 200 200 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/invitations", "200 200 403 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/invitations", "201 201 403 403 404 404 401 403");
        MATRIX.put("DELETE /api/v1/orgs/{id}/invitations/{invitationId}", "204 204 403 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/invitations/{invitationId}/resend", "200 200 403 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/members", "200 200 200 200 404 404 401 403");
        MATRIX.put("DELETE /api/v1/orgs/{id}/members/{userId}", "204 204 403 204 404 404 401 403");
        MATRIX.put("PATCH /api/v1/orgs/{id}/members/{userId}", "200 200 403 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/seats", "200 200 200 200 404 404 401 403");
        MATRIX.put("PUT /api/v1/orgs/{id}/seats/assignments/{userId}", "409 403 409 403 404 404 401 403");
        MATRIX.put("DELETE /api/v1/orgs/{id}/seats/assignments/{userId}", "204 403 204 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/seats/checkout", "201 403 201 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/seats/portal", "409 403 409 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/seats/sync", "409 403 409 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/spend-policy", "200 200 200 200 404 404 401 403");
        MATRIX.put("PUT /api/v1/orgs/{id}/spend-policy", "200 403 200 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/usage-events", "200 200 200 200 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/usage-summary", "200 403 200 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/wallet", "200 200 200 200 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/wallet/topups", "200 403 200 403 404 404 401 403");
        MATRIX.put("POST /api/v1/orgs/{id}/wallet/topups", "201 403 201 403 404 404 401 403");
        MATRIX.put("GET /api/v1/orgs/{id}/wallet/transactions", "200 403 200 403 404 404 401 403");
        MATRIX.put("GET /api/v1/topup-packages", "200 200 200 200 200 200 401 403");
        MATRIX.put("POST /api/v1/usage-events", "403 403 403 403 403 403 401 402");
        MATRIX.put("POST /api/v1/usage-events/batch", "403 403 403 403 403 403 401 200");
        MATRIX.put("GET /api/v1/users/{userId}/entitlements", "403 403 403 403 403 403 401 200");
        MATRIX.put("PUT /api/v1/workspaces/{wsId}", "403 403 403 403 403 403 401 200");
        MATRIX.put("GET /api/v1/workspaces/{wsId}/billing", "200 404 404 404 404 404 401 200");
        MATRIX.put("PUT /api/v1/workspaces/{wsId}/billing", "200 404 404 404 404 404 401 403");
        MATRIX.put("POST /sandbox/api/charges/refund", "404 404 404 404 404 404 404 404");
        MATRIX.put("POST /sandbox/api/checkout-sessions/{id}/complete", "404 404 404 404 404 404 404 404");
        MATRIX.put("POST /sandbox/api/checkout-sessions/{id}/expire", "404 404 404 404 404 404 404 404");
        MATRIX.put("GET /sandbox/api/events", "200 200 200 200 200 200 200 200");
        MATRIX.put("POST /sandbox/api/events/{eventId}/redeliver", "404 404 404 404 404 404 404 404");
        MATRIX.put("GET /sandbox/api/subscriptions/{id}", "404 404 404 404 404 404 404 404");
        MATRIX.put("POST /sandbox/api/subscriptions/{id}", "404 404 404 404 404 404 404 404");
        MATRIX.put("POST /webhooks/stripe", "400 400 400 400 400 400 400 400");
    }

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void everyDocumentedOperationAnswersEveryKindOfCallerAsTheTableSays() {
        Set<String> documented = documentedOperations();
        assertThat(new TreeSet<>(MATRIX.keySet())).as("rows of the matrix: add one for every new operation")
                .isEqualTo(documented);
        List<String> wrong = new ArrayList<>();
        for (var row : MATRIX.entrySet()) {
            String[] expected = row.getValue().split(" ");
            MatrixCalls.Scene shared = new MatrixCalls(api, fixtures).scene();
            for (int c = 0; c < CALLERS.size(); c++) {
                int status = Integer.parseInt(expected[c]);
                MatrixCalls.Scene scene = status / 100 == 2 ? new MatrixCalls(api, fixtures).scene() : shared;
                Client.Answer answer = scene.call(row.getKey(), CALLERS.get(c));
                if (answer.status() != status) {
                    wrong.add(row.getKey() + " by " + CALLERS.get(c) + ": " + answer.status() + " (table: " + status + ") "
                            + answer.code());
                }
            }
        }
        assertThat(wrong).as("answers off the table").isEmpty();
    }

    /** Every method and path of the live document, as "METHOD /path". */
    Set<String> documentedOperations() {
        var paths = api.get("/v3/api-docs", null).body().get("paths");
        return paths.propertyNames().stream().flatMap(path -> paths.get(path).propertyNames().stream()
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                .map(method -> method.toUpperCase() + " " + path)).collect(Collectors.toCollection(TreeSet::new));
    }

    static String fresh() {
        return "matrix-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}
