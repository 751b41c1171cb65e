package com.getpaidx.orgs.reliability;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;

/**
 * The state an authorization-matrix call needs: an org with a user in each role, an outsider, another org's
 * owner, a pending invitation of the org (to an address none of them has) and a workspace of the org's owner
 * billed to the org; and for each operation of the document a well-formed request, so that what decides the
 * answer is who asks.
 */
final class MatrixCalls {

    private final Api api;
    private final Fixtures fixtures;

    MatrixCalls(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    record Scene(Api api, Fixtures.Roster roster, Api.User otherOwner, String invitationId, String invitationToken,
            String workspace) {

        @Nullable String token(String caller) {
            return switch (caller) {
                case "other_owner" -> otherOwner.token();
                case "service" -> api.serviceToken();
                default -> {
                    Api.User user = roster.as(caller);
                    yield user == null ? null : user.token();
                }
            };
        }

        /**
         * Through the lean client: the matrix sends tokens also where the document names no security (sign-up,
         * the sandbox, the webhook), which support/Api's contract check would refuse to send.
         */
        Client.Answer call(String operation, String caller) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            boolean sandbox = template.startsWith("/sandbox");
            String path = template.replace("{id}", sandbox ? "sbx_unknown" : roster.org().toString())
                    .replace("{userId}", roster.member().id().toString())
                    .replace("{invitationId}", invitationId)
                    .replace("{wsId}", workspace)
                    .replace("{eventId}", "evt_unknown")
                    + (template.endsWith("/usage-summary") ? "?month=" + java.time.YearMonth.now(java.time.ZoneOffset.UTC) : "");
            return new Client(api.baseUrl(), api.serviceToken(), java.time.Duration.ofSeconds(30))
                    .send(method, path, token(caller), body(operation));
        }

        /** The operation with {@code query} appended and {@code rawBody} as its JSON body, as {@code caller}. */
        Api.Response callRaw(String operation, String caller, String query, @Nullable String rawBody) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", roster.org().toString())
                    .replace("{userId}", roster.member().id().toString()).replace("{invitationId}", invitationId)
                    .replace("{wsId}", workspace).replace("{eventId}", "evt_unknown");
            return api.sendRaw(method, path + query, token(caller), rawBody, "application/json");
        }

        @Nullable Object body(String operation) {
            return switch (operation) {
                case "POST /api/v1/auth/signup" -> Map.of("email", AuthorizationMatrixIntegrationTests.fresh(),
                        "password", Api.PASSWORD, "displayName", "Matrix");
                case "POST /api/v1/auth/tokens" -> Map.of("email", roster.owner().email(), "password", Api.PASSWORD);
                case "POST /api/v1/invitations/accept", "POST /api/v1/invitations/preview" -> Map.of("token", invitationToken);
                case "POST /api/v1/me/email-verification/confirm" -> Map.of("token", "unknown-token-" + UUID.randomUUID());
                case "POST /api/v1/orgs" -> Map.of("name", "Matrix org");
                case "PATCH /api/v1/orgs/{id}" -> Map.of("name", "Renamed");
                case "POST /api/v1/orgs/{id}/invitations" -> Map.of("email", AuthorizationMatrixIntegrationTests.fresh(), "role", "member");
                case "PATCH /api/v1/orgs/{id}/members/{userId}" -> Map.of("role", "billing_admin");
                case "POST /api/v1/orgs/{id}/seats/checkout" -> Map.of("quantity", 1);
                case "PUT /api/v1/orgs/{id}/spend-policy" -> Map.of("spenders", "all_members", "selectedUserIds", List.of(),
                        "paused", false);
                case "POST /api/v1/orgs/{id}/wallet/topups" -> Map.of("packageId", "starter");
                case "POST /api/v1/usage-events" -> usageEvent();
                case "POST /api/v1/usage-events/batch" -> Map.of("events", List.of(usageEvent()));
                case "PUT /api/v1/workspaces/{wsId}" -> Map.of("ownerUserId", roster.owner().id().toString(), "name", "Matrix");
                case "PUT /api/v1/workspaces/{wsId}/billing" -> Map.of("target", "personal");
                case "POST /sandbox/api/charges/refund" -> Map.of("topUpId", UUID.randomUUID().toString(), "amountMinor", 1);
                case "POST /sandbox/api/subscriptions/{id}" -> Map.of("quantity", 2);
                case "POST /webhooks/stripe" -> Map.of("id", "evt_unsigned", "type", "checkout.session.completed");
                default -> null;
            };
        }

        private Map<String, Object> usageEvent() {
            Map<String, Object> event = new HashMap<>();
            event.put("eventId", "matrix-" + UUID.randomUUID());
            event.put("workspaceId", workspace);
            event.put("userId", roster.owner().id().toString());
            event.put("credits", "1");
            event.put("kind", "completion");
            event.put("model", "matrix");
            event.put("occurredAt", Instant.now().toString());
            return event;
        }
    }

    Scene scene() {
        Fixtures.Roster roster = fixtures.roster();
        Api.User otherOwner = api.newUser("other-owner");
        api.newOrg(otherOwner);
        Api.Response invited = api.post("/api/v1/orgs/" + roster.org() + "/invitations", roster.owner().token(),
                Map.of("email", AuthorizationMatrixIntegrationTests.fresh(), "role", "member"));
        String workspace = "ws-matrix-" + UUID.randomUUID();
        api.put("/api/v1/workspaces/" + workspace, api.serviceToken(),
                Map.of("ownerUserId", roster.owner().id().toString(), "name", "Matrix"));
        api.put("/api/v1/workspaces/" + workspace + "/billing", roster.owner().token(),
                Map.of("target", "org", "orgId", roster.org().toString()));
        return new Scene(api, roster, otherOwner, invited.text("id"), invited.text("token"), workspace);
    }
}
