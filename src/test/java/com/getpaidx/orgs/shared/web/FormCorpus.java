package com.getpaidx.orgs.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bad-value corpus of every page form: (form, field, bad value, expected status and code). A field is a
 * form field or a path variable written {@code {name}}; every other field of the form keeps its valid default
 * from {@link #DEFAULTS}, so one bad value is tried at a time.
 *
 * <p>A new page form (any POST handler of a page controller) needs rows here for each of its fields and path
 * variables, else {@code FormCorpusIntegrationTests.everyPageFormFieldHasRows} fails; give it valid defaults in
 * {@link #DEFAULTS} when it has fields, and an API twin in {@code ApiTwins} when the API has the same input.
 */
final class FormCorpus {

    record Row(String form, String field, String value, int status, String code) {

        @Override
        public String toString() {
            String shown = value.length() > 24 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
            return form + " " + field + "=\"" + shown + "\" → " + status + " " + code;
        }
    }

    static final String UNKNOWN_ID = "6b1d0c7e-0000-4000-8000-00000000dead";
    static final String THIRTEEN_DIGITS = "9999999999999";
    static final String HUGE = "x".repeat(10_000);
    static final String ORGS = "/settings/organizations";
    static final String ORG = ORGS + "/{id}";
    private static final String PORTAL = "/sandbox/portal/{customerId}/subscriptions/{subscriptionId}";

    /** Valid values for the fields of each form. */
    static final Map<String, Function<FormFixture, Map<String, String>>> DEFAULTS = Map.ofEntries(
            Map.entry(ORGS, f -> Map.of("name", "Corpus Org")),
            Map.entry(ORG + "/settings/rename", f -> Map.of("name", "Renamed")),
            Map.entry(ORG + "/members/{userId}/role", f -> Map.of("role", "admin")),
            Map.entry(ORG + "/invitations", f -> Map.of("email", f.freshEmail(), "role", "member")),
            Map.entry(ORG + "/usage/spend-policy", f -> Map.of("spenders", "all_members", "memberMonthlyLimit", "10",
                    "lowBalanceThreshold", "5")),
            Map.entry("/settings/workspaces/billing", f -> Map.of("workspaceId", f.workspaceId(), "billTo", "personal")),
            Map.entry("/settings/workspaces", f -> Map.of("id", "ws-" + f.freshEmail().hashCode(), "name", "Corpus workspace")),
            Map.entry("/signup", f -> Map.of("email", f.freshEmail(), "password", "correct-horse-battery", "displayName", "Corpus")),
            Map.entry(ORG + "/wallet/topups", f -> Map.of("packageId", "starter")),
            Map.entry(ORG + "/seats/checkout", f -> Map.of("quantity", "2")),
            Map.entry(ORG + "/seats/assignments", f -> Map.of("change", "assign", "userIds", f.member().id().toString())),
            Map.entry(PORTAL + "/quantity", f -> Map.of("quantity", "3")));

    static List<Row> rows() {
        Corpus c = new Corpus(new ArrayList<>());
        c.form(ORGS).field("name", "", "   ", "n".repeat(101), HUGE)
                .field("slug", "UPPER-case", "a", "s".repeat(41), "../x", HUGE);
        c.form(ORG + "/settings/rename").field("name", "", "n".repeat(101), HUGE).orgId();
        c.form(ORG + "/settings/archive").orgId();
        c.form(ORG + "/settings/unarchive").orgId();
        c.form(ORG + "/members/{userId}/role").field("role", "superuser", "", "OWNER", HUGE).orgId().memberId();
        c.form(ORG + "/members/{userId}/remove").orgId().memberId();
        c.form(ORG + "/invitations").field("email", "not-an-email", "", "a@b", "e".repeat(250) + "@example.com", HUGE)
                .field("role", "superuser", "", HUGE).orgId();
        c.form(ORG + "/invitations/{invitationId}/resend").orgId().id("invitationId", 404, "invitation_not_found");
        c.form(ORG + "/invitations/{invitationId}/revoke").orgId().id("invitationId", 404, "invitation_not_found");
        c.form("/settings/account/tokens/{id}/revoke").id("id", 404, "token_not_found");
        c.form("/settings/account/verify").field(400, "verification_link_invalid", "token", "", "not-a-token", HUGE);
        c.form("/invitations/accept").field(404, "invitation_not_found", "token", "", "not-a-token", HUGE);
        c.form(ORG + "/usage/spend-policy").field("spenders", "everyone", "", HUGE)
                .field("memberMonthlyLimit", THIRTEEN_DIGITS, "-1", "1e3", "0.0000001", "12,5", HUGE)
                .field("lowBalanceThreshold", THIRTEEN_DIGITS, "-5", "NaN", HUGE)
                .field("selectedUserIds", "not-a-uuid", UNKNOWN_ID, ",")
                .field("paused", "maybe")
                .orgId();
        c.form("/settings/workspaces/billing").field("billTo", "nobody", HUGE)
                .field(404, "workspace_not_found", "workspaceId", "no-such-workspace", HUGE)
                .field(403, "not_member", "billTo", UNKNOWN_ID);
        c.form("/settings/workspaces").field("id", "", "w".repeat(129), HUGE).field("name", "", "n".repeat(201), HUGE);
        c.form("/signup").field("email", "not-an-email", "", "e".repeat(250) + "@example.com", HUGE)
                .field("password", "short", "p".repeat(73), HUGE).field("displayName", "", "d".repeat(101), HUGE);
        c.form(ORG + "/wallet/topups").field("packageId", "", "enterprise", HUGE).orgId();
        c.form(ORG + "/seats/checkout").field("quantity", "0", "-1", "1001", THIRTEEN_DIGITS, "1.5", "ten", "").orgId();
        c.form(ORG + "/seats/portal").orgId();
        c.form(ORG + "/seats/sync").orgId();
        c.form(ORG + "/seats/assignments").field("change", "swap", "", HUGE).field("userIds", "not-a-uuid", HUGE, ",").orgId();
        c.form(ORG + "/seats/assignments/{userId}/assign").orgId().memberId();
        c.form(ORG + "/seats/assignments/{userId}/revoke").orgId().memberId();
        c.form(PORTAL + "/quantity").field("quantity", "-1", "100001", THIRTEEN_DIGITS, "ten", "")
                .notFound("customerId", "subscriptionId");
        c.form(PORTAL + "/cancel").notFound("customerId", "subscriptionId");
        c.form(PORTAL + "/renew").notFound("customerId", "subscriptionId");
        c.form("/sandbox/checkout/{id}/pay").notFound("id");
        c.form("/sandbox/checkout/{id}/cancel").notFound("id");
        return List.copyOf(c.rows());
    }

    static Map<String, String> defaults(String form, FormFixture fixture) {
        return new LinkedHashMap<>(DEFAULTS.getOrDefault(form, f -> Map.of()).apply(fixture));
    }

    /** Builds the rows of one form after another. */
    private record Corpus(List<Row> rows) {

        Form form(String path) {
            return new Form(path);
        }

        final class Form {

            private final String path;

            Form(String path) {
                this.path = path;
            }

            Form field(String field, String... values) {
                return field(400, "validation_failed", field, values);
            }

            Form field(int status, String code, String field, String... values) {
                for (String value : values) {
                    rows.add(new Row(path, field, value, status, code));
                }
                return this;
            }

            /** The org in the path: malformed, or one this person is not in. */
            Form orgId() {
                return id("id", 404, "org_not_found");
            }

            Form memberId() {
                return id("userId", 404, "member_not_found");
            }

            Form id(String variable, int status, String code) {
                rows.add(new Row(path, "{" + variable + "}", "not-a-uuid", 400, "validation_failed"));
                rows.add(new Row(path, "{" + variable + "}", UNKNOWN_ID, status, code));
                return this;
            }

            /** The sandbox's own pages answer an unknown id with a plain 404 page (no problem code). */
            Form notFound(String... variables) {
                for (String variable : variables) {
                    rows.add(new Row(path, "{" + variable + "}", "nope", 404, null));
                }
                return this;
            }
        }
    }

    private FormCorpus() {
    }
}
