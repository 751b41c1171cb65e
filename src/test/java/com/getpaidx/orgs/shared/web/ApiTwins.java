package com.getpaidx.orgs.shared.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.getpaidx.orgs.support.Api;

import static com.getpaidx.orgs.shared.web.FormCorpus.ORG;
import static com.getpaidx.orgs.shared.web.FormCorpus.ORGS;

/**
 * The API request that takes the same input as a page form. For a corpus row on one of {@code fields}, the API
 * must refuse the same value with the same status and code, and, for the fields in {@code sameWords}, the
 * same sentence the page showed. (Typed API fields such as a JSON number word a wrong type their own way.)
 */
record ApiTwins(Call call, Set<String> fields, Set<String> sameWords) {

    interface Call {
        Api.Response send(Api api, FormFixture f, Map<String, String> fields);
    }

    static Optional<ApiTwins> of(String form) {
        return Optional.ofNullable(TWINS.get(form));
    }

    private static final Map<String, ApiTwins> TWINS = Map.of(
            ORGS, words((api, f, in) -> api.post("/api/v1/orgs", f.owner().token(), in), "name", "slug"),
            ORG + "/rename", words((api, f, in) -> api.patch("/api/v1/orgs/" + f.org(), f.owner().token(), in), "name"),
            ORG + "/members/{userId}/role", words((api, f, in) -> api.patch("/api/v1/orgs/" + f.org() + "/members/"
                    + f.member().id(), f.owner().token(), in), "role"),
            ORG + "/invitations", words((api, f, in) -> api.post("/api/v1/orgs/" + f.org() + "/invitations",
                    f.owner().token(), in), "email", "role"),
            "/invitations/accept", words((api, f, in) -> api.post("/api/v1/invitations/accept", f.owner().token(), in),
                    "token"),
            ORG + "/spend-policy", words((api, f, in) -> api.put("/api/v1/orgs/" + f.org() + "/spend-policy",
                    f.owner().token(), spendPolicy(in)), "spenders", "memberMonthlyLimit", "lowBalanceThreshold"),
            "/signup", words((api, f, in) -> api.post("/api/v1/auth/signup", null, in), "email", "password",
                    "displayName"),
            ORG + "/wallet/topups", words((api, f, in) -> api.post("/api/v1/orgs/" + f.org() + "/wallet/topups",
                    f.owner().token(), in), "packageId"),
            ORG + "/seats/checkout", new ApiTwins((api, f, in) -> api.post("/api/v1/orgs/" + f.org() + "/seats/checkout",
                    f.owner().token(), Map.of("quantity", number(in.get("quantity")))), Set.of("quantity"), Set.of()),
            "/sandbox/portal/{customerId}/subscriptions/{subscriptionId}/quantity", new ApiTwins((api, f, in) -> api.post(
                    "/sandbox/api/subscriptions/" + f.subscriptionId(), null, Map.of("quantity", number(in.get("quantity")))),
                    Set.of("quantity"), Set.of()));

    private static ApiTwins words(Call call, String... fields) {
        return new ApiTwins(call, Set.of(fields), Set.of(fields));
    }

    private static Map<String, Object> spendPolicy(Map<String, String> in) {
        Map<String, Object> body = new LinkedHashMap<>(in);
        body.put("paused", false);
        body.put("selectedUserIds", List.of());
        return body;
    }

    /** A number where the page's text is one (JSON has no other way to say it), else the text as it is. */
    private static Object number(String text) {
        try {
            return new BigDecimal(text);
        }
        catch (NumberFormatException e) {
            return text;
        }
    }
}
