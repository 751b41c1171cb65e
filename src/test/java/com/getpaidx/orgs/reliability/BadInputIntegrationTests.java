package com.getpaidx.orgs.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the live OpenAPI document with a body or query parameters, fed {@link BadInputs} by a
 * caller the authorization matrix lets through: the answer is a 4xx {@code application/problem+json} with a
 * {@code code} (never a 5xx; an injection string may also be stored as text), and no row changed — the
 * counts of the business tables and the sum of all balances are the same before and after each operation's
 * bad inputs. Stored injection strings come back escaped on the page (the org's name on its page).
 */
@IntegrationTest
class BadInputIntegrationTests {

    private static final List<String> TABLES = List.of("app_user", "api_token", "organization", "membership", "invitation",
            "wallet", "wallet_entry", "top_up", "usage_event", "usage_event_key", "workspace", "spend_policy",
            "seat_assignment", "seat_subscription", "payment_event", "email_verification");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void badInputToEveryOperationIsRefusedWithAProblemAndChangesNoRow() {
        JsonNode document = api.get("/v3/api-docs", null).body();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String operation : AuthorizationMatrixIntegrationTests.MATRIX.keySet()) {
            String[] method = operation.split(" ", 2);
            JsonNode described = document.path("paths").path(method[1]).path(method[0].toLowerCase());
            MatrixCalls.Scene scene = new MatrixCalls(api, fixtures).scene();
            String caller = allowedCaller(operation);
            @SuppressWarnings("unchecked")
            Map<String, Object> valid = scene.body(operation) instanceof Map<?, ?> body ? (Map<String, Object>) body : Map.of();
            List<BadInputs.Bad> bad = BadInputs.of(document, described, valid);
            if (bad.isEmpty()) {
                continue;
            }
            Map<String, Long> before = rows();
            boolean compared = false;
            for (BadInputs.Bad input : bad.stream().sorted(java.util.Comparator.comparing(b -> !b.mustRefuse())).toList()) {
                if (!input.mustRefuse() && !compared) {
                    compared = true;
                    compareRows(operation, before, wrong);
                }
                sent++;
                try {
                    Api.Response answer = scene.callRaw(operation, caller, input.query(), input.body());
                    String type = answer.headers().firstValue("Content-Type").orElse("");
                    boolean refused = answer.status() >= 400 && answer.status() < 500 && type.startsWith("application/problem+json")
                            && answer.code() != null;
                    if (answer.status() >= 500 || (input.mustRefuse() && !refused)) {
                        wrong.add(operation + " with " + input.what() + ": " + answer.status() + " " + type + " " + answer.code());
                    }
                }
                catch (AssertionError offTheDocument) {
                    wrong.add(operation + " with " + input.what() + ": " + offTheDocument.getMessage().lines().skip(1).findFirst().orElse(""));
                }
            }
            if (!compared) {
                compareRows(operation, before, wrong);
            }
        }
        assertThat(sent).isGreaterThan(300);
        assertThat(wrong).as("bad input answered off the rule").isEmpty();
    }

    @Test
    void storedInjectionStringsComeBackEscapedOnThePage() {
        Fixtures.Roster roster = fixtures.roster();
        for (String injection : BadInputs.INJECTIONS) {
            assertThat(api.patch("/api/v1/orgs/" + roster.org(), roster.owner().token(), Map.of("name", injection)).status())
                    .isEqualTo(200);
            String page = com.getpaidx.orgs.support.PageSession.signedIn(api, roster.owner()).page("/settings/organizations/" + roster.org());
            assertThat(page).doesNotContain(injection).contains(org.springframework.web.util.HtmlUtils.htmlEscape(injection));
        }
    }

    private void compareRows(String operation, Map<String, Long> before, List<String> wrong) {
        Map<String, Long> after = rows();
        if (!before.equals(after)) {
            wrong.add(operation + " changed rows: " + before + " → " + after);
        }
    }

    /** The first caller of the matrix row whose answer is a success: who may do it. */
    private static String allowedCaller(String operation) {
        String[] answers = AuthorizationMatrixIntegrationTests.MATRIX.get(operation).split(" ");
        for (int c = 0; c < answers.length; c++) {
            if (answers[c].startsWith("2")) {
                return AuthorizationMatrixIntegrationTests.CALLERS.get(c);
            }
        }
        return "owner";
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        counts.put("Σ balance", jdbc.sql("SELECT coalesce(sum(balance), 0) FROM wallet").query(Long.class).single());
        return counts;
    }
}
