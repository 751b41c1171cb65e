package com.getpaidx.orgs.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a user's API token may do (DESIGN §9); which operation needs which is {@code shared.apidocs.ApiScopes}. */
public enum ApiScope {
    ORGS_READ("orgs:read"), ORGS_WRITE("orgs:write"), MEMBERS_WRITE("members:write"), BILLING_READ("billing:read"),
    BILLING_WRITE("billing:write"), SEATS_WRITE("seats:write");

    private final String json;

    ApiScope(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static ApiScope fromJson(String value) {
        return Arrays.stream(values()).filter(scope -> scope.json.equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput("scopes", "unknown scope '" + value + "'"));
    }

    public static Set<ApiScope> all() {
        return EnumSet.allOf(ApiScope.class);
    }
}
