package com.getpaidx.orgs.shared.apidocs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each operation answers beyond what springdoc sees in a signature: who may call it, the success statuses a
 * {@code ResponseEntity} chooses at run time, and the problems (status and code) it can answer. Every call the
 * integration tests make is checked against the document built from this (support/ContractValidator), so an
 * answer missing here fails the test that provoked it.
 *
 * <p>Each line: {@code METHOD PATH | access | successes | problems}. Access is {@code public}, {@code user},
 * {@code service} or {@code user+service} (the same rules as the API's security filter chain). Successes: status
 * codes, {@code 200r} for an idempotent replay answered 200 with {@code Idempotent-Replayed: true}, {@code 201o} for
 * a 201 that carries that header when it is a replay, {@code -} to
 * keep what springdoc inferred. Problems: {@code status code} pairs; every operation also answers 500
 * {@code internal_error}, a signed-in one 401 {@code unauthorized} and 403 {@code forbidden} (a token of the other
 * kind), and one with input 400 {@code validation_failed} (a body also 413 and 415).
 */
final class ApiCatalogue {

    private static final String ORG = "404 org_not_found, 403 forbidden";
    private static final String ORG_WRITE = ORG + ", 409 org_archived";

    private static final String TABLE = """
            POST   /api/v1/auth/signup                               | public  | -       | 409 email_taken, 429 too_many_attempts
            POST   /api/v1/auth/tokens                               | public  | -       | 401 invalid_credentials, 429 too_many_attempts
            DELETE /api/v1/auth/tokens/current                       | user    | -       |
            GET    /api/v1/me/tokens                                 | user    | -       |
            DELETE /api/v1/me/tokens/{id}                            | user    | 204     | 404 token_not_found
            GET    /api/v1/me                                        | user    | -       |
            POST   /api/v1/me/email-verification                     | user    | -       | 409 email_already_verified, 429 too_many_attempts
            POST   /api/v1/me/email-verification/confirm             | user    | -       | 400 verification_link_invalid, 409 email_already_verified
            GET    /api/v1/orgs                                      | user    | -       |
            POST   /api/v1/orgs                                      | user    | -       | 409 slug_taken
            GET    /api/v1/orgs/{id}                                 | user    | -       | ORG
            PATCH  /api/v1/orgs/{id}                                 | user    | -       | ORG_WRITE
            POST   /api/v1/orgs/{id}/archive                         | user    | -       | ORG_WRITE, 409 subscription_active
            POST   /api/v1/orgs/{id}/unarchive                       | user    | -       | ORG
            GET    /api/v1/orgs/{id}/audit-events                    | user    | -       | ORG
            GET    /api/v1/orgs/{id}/members                         | user    | -       | ORG
            PATCH  /api/v1/orgs/{id}/members/{userId}                | user    | -       | ORG_WRITE, 404 member_not_found, 409 last_owner
            DELETE /api/v1/orgs/{id}/members/{userId}                | user    | -       | ORG_WRITE, 404 member_not_found, 409 last_owner
            POST   /api/v1/orgs/{id}/invitations                     | user    | -       | ORG_WRITE, 409 already_member, 409 invitation_pending
            GET    /api/v1/orgs/{id}/invitations                     | user    | -       | ORG
            POST   /api/v1/orgs/{id}/invitations/{invitationId}/resend | user  | -       | ORG_WRITE, 404 invitation_not_found, 409 invitation_already_used, 410 invitation_revoked
            DELETE /api/v1/orgs/{id}/invitations/{invitationId}      | user    | -       | ORG_WRITE, 404 invitation_not_found, 409 invitation_already_used
            POST   /api/v1/invitations/preview                       | user    | -       | 404 invitation_not_found, 409 invitation_already_used, 410 invitation_expired, 410 invitation_revoked, 409 org_archived
            POST   /api/v1/invitations/accept                        | user    | -       | 404 invitation_not_found, 409 invitation_already_used, 410 invitation_expired, 410 invitation_revoked, 403 email_mismatch, 403 email_not_verified, 409 already_member, 409 org_archived
            GET    /api/v1/topup-packages                            | user    | -       |
            GET    /api/v1/orgs/{id}/wallet                          | user    | -       | ORG
            GET    /api/v1/orgs/{id}/wallet/transactions             | user    | -       | ORG
            POST   /api/v1/orgs/{id}/wallet/topups                   | user    | 201o    | ORG_WRITE, 409 idempotency_conflict, 502 payment_provider_unavailable
            GET    /api/v1/orgs/{id}/wallet/topups                   | user    | -       | ORG
            GET    /api/v1/orgs/{id}/spend-policy                    | user    | -       | ORG
            PUT    /api/v1/orgs/{id}/spend-policy                    | user    | -       | ORG_WRITE
            GET    /api/v1/orgs/{id}/usage-events                    | user    | -       | ORG
            GET    /api/v1/orgs/{id}/usage-summary                   | user    | -       | ORG
            PUT    /api/v1/workspaces/{wsId}                         | service | 201 200 | 409 workspace_id_taken
            GET    /api/v1/workspaces/{wsId}/billing                 | user+service | - | 404 workspace_not_found
            PUT    /api/v1/workspaces/{wsId}/billing                 | user    | -       | 404 workspace_not_found, 404 org_not_found, 403 not_member, 403 policy_denied, 409 org_archived
            GET    /api/v1/me/billing-targets                        | user    | -       |
            POST   /api/v1/usage-events                              | service | 201 200r | 404 workspace_not_found, 422 not_org_billed, 402 insufficient_balance, 403 billing_paused, 403 member_limit_reached, 403 policy_denied, 403 not_member, 403 org_archived, 409 idempotency_conflict, 503 usage_timeout, 503 outcome_unknown, 503 shutting_down
            POST   /api/v1/usage-events/batch                        | service | -       | 503 usage_timeout, 503 outcome_unknown, 503 shutting_down
            GET    /api/v1/orgs/{id}/seats                           | user    | -       | ORG
            POST   /api/v1/orgs/{id}/seats/checkout                  | user    | 201     | ORG_WRITE, 409 subscription_exists, 502 payment_provider_unavailable, 503 seat_price_not_configured
            POST   /api/v1/orgs/{id}/seats/portal                    | user    | -       | ORG, 409 no_subscription, 502 payment_provider_unavailable
            POST   /api/v1/orgs/{id}/seats/sync                      | user    | -       | ORG, 409 no_subscription, 502 payment_provider_unavailable
            PUT    /api/v1/orgs/{id}/seats/assignments/{userId}      | user    | -       | ORG_WRITE, 404 member_not_found, 409 no_seat_available, 409 no_subscription
            DELETE /api/v1/orgs/{id}/seats/assignments/{userId}      | user    | 204     | ORG_WRITE, 404 member_not_found
            GET    /api/v1/me/entitlements                           | user    | -       |
            GET    /api/v1/users/{userId}/entitlements               | service | -       |
            GET    /api/v1/event-deliveries                          | service | -       |
            POST   /api/v1/event-deliveries/{id}/retry               | service | -       | 404 delivery_not_found, 409 delivery_not_dead
            POST   /webhooks/stripe                                  | public  | -       | 400 invalid_signature, 503 webhooks_not_configured
            POST   /sandbox/api/checkout-sessions/{id}/complete      | public  | -       | 404 checkout_not_found, 409 checkout_expired
            POST   /sandbox/api/checkout-sessions/{id}/expire        | public  | -       | 404 checkout_not_found, 409 checkout_completed
            GET    /sandbox/api/subscriptions/{id}                   | public  | -       | 404 subscription_not_found
            POST   /sandbox/api/subscriptions/{id}                   | public  | -       | 404 subscription_not_found, 409 subscription_ended
            POST   /sandbox/api/charges/refund                       | public  | -       | 404 charge_not_found, 404 topup_not_found
            POST   /sandbox/api/events/{eventId}/redeliver           | public  | -       | 404 event_not_found
            GET    /sandbox/api/events                               | public  | -       |
            """.replace("ORG_WRITE", ORG_WRITE).replace("ORG", ORG);

    record Entry(String access, List<String> successes, List<String> problems, ApiScopes.Rule scope) {

        boolean signedIn() {
            return !access.equals("public");
        }

        /** Whether a user's token may call it: then ApiScopes must say which scope it needs. */
        boolean forUsers() {
            return access.equals("user") || access.equals("user+service");
        }
    }

    /** Lists that also stream every item of {@code from}–{@code to} as CSV on {@code Accept: text/csv}. */
    static final java.util.Set<String> CSV_LISTS = java.util.Set.of("get /api/v1/orgs/{id}/usage-events",
            "get /api/v1/orgs/{id}/wallet/transactions", "get /api/v1/orgs/{id}/audit-events");

    /** Operations by {@code "METHOD path"}. */
    static final Map<String, Entry> OPERATIONS = parse();

    private ApiCatalogue() {
    }

    private static Map<String, Entry> parse() {
        Map<String, Entry> operations = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] operation = cells[0].trim().split("\\s+");
            List<String> successes = cells[2].isBlank() || cells[2].trim().equals("-") ? List.of()
                    : Arrays.asList(cells[2].trim().split("\\s+"));
            List<String> problems = cells[3].isBlank() ? List.of()
                    : Arrays.stream(cells[3].split(",")).map(String::trim).toList();
            operations.put(operation[0].toLowerCase() + " " + operation[1],
                    new Entry(cells[1].trim(), successes, problems, ApiScopes.of(operation[0], operation[1])));
        }
        return operations;
    }
}
