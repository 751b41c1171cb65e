package com.getpaidx.orgs.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Bad requests for one operation, derived from its OpenAPI request body schema and parameters: malformed
 * JSON, wrong types, missing and extra fields, huge and negative numbers, zero and 7-decimal credits, a
 * 2 MB body, deep nesting, NUL bytes, SQL and HTML injection in string fields, bad query parameters.
 * Each is a raw body (or null) plus a query string; {@link #mustRefuse} says whether only a 4xx will do
 * (the injection strings are well-formed text that some fields may store, escaped).
 */
final class BadInputs {

    record Bad(String what, String query, String body, boolean mustRefuse) {
    }

    static final List<String> INJECTIONS = List.of("'; DROP TABLE wallet; --", "<script>alert('x')</script>",
            "\" onmouseover=\"alert(1)", "Robert'); DELETE FROM organization;--");

    /** Times Java reads and PostgreSQL does not store. */
    static final List<String> FAR_TIMES = List.of("+300000-01-01T00:00:00Z", "-300000-01-01T00:00:00Z");

    private BadInputs() {
    }

    private static boolean isTime(JsonNode schema) {
        return schema.path("format").asString("").equals("date-time");
    }

    static List<Bad> of(JsonNode document, JsonNode operation, Map<String, Object> validBody) {
        List<Bad> bad = new ArrayList<>();
        JsonNode schema = bodySchema(document, operation);
        if (schema != null) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            schema.path("properties").propertyNames().forEach(name -> properties.put(name, resolve(document, schema.path("properties").get(name))));
            bad.add(new Bad("malformed JSON", "", "{\"", true));
            bad.add(new Bad("a JSON array", "", "[]", true));
            bad.add(new Bad("extra field", "", json(with(validBody, "unexpectedField", 1)), true));
            if (schema.has("required") && !schema.get("required").isEmpty()) {
                bad.add(new Bad("no fields", "", "{}", true));
                for (JsonNode required : schema.get("required")) {
                    Map<String, Object> missing = new LinkedHashMap<>(validBody);
                    missing.remove(required.asString());
                    bad.add(new Bad("missing " + required.asString(), "", json(missing), true));
                }
            }
            for (var property : properties.entrySet()) {
                String name = property.getKey();
                String type = typeOf(property.getValue());
                bad.add(new Bad("wrong type of " + name, "", json(with(validBody, name, type.equals("string") ? Map.of("a", 1) : "not-a-" + type)), true));
                if (type.equals("integer") || type.equals("number")) {
                    bad.add(new Bad("huge " + name, "", json(with(validBody, name, new java.math.BigInteger("99999999999999999999999"))), true));
                    bad.add(new Bad("negative " + name, "", json(with(validBody, name, -1)), true));
                }
                if (type.equals("string") && isCredits(name)) {
                    for (String credits : List.of("0", "0.0000001", "-1", "1e3", "99999999999999999999.5", " 1", "NaN")) {
                        bad.add(new Bad(name + " = " + credits, "", json(with(validBody, name, credits)), !credits.equals("0") || name.equals("credits")));
                    }
                }
                if (type.equals("array")) {
                    bad.add(new Bad("a null in " + name, "", json(with(validBody, name, java.util.Arrays.asList((Object) null))), true));
                }
                if (isTime(property.getValue())) {
                    for (String time : FAR_TIMES) {
                        bad.add(new Bad(name + " = " + time, "", json(with(validBody, name, time)), true));
                    }
                }
                if (type.equals("string")) {
                    bad.add(new Bad("NUL byte in " + name, "", json(with(validBody, name, "a\u0000b")), true));
                    for (String injection : INJECTIONS) {
                        bad.add(new Bad("injection in " + name, "", json(with(validBody, name, injection)), false));
                    }
                }
            }
            bad.add(new Bad("2 MB body", "", json(with(validBody, "padding", "x".repeat(2 * 1024 * 1024))), true));
            bad.add(new Bad("deep nesting", "", "[".repeat(5000) + "]".repeat(5000), true));
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            String name = parameter.get("name").asString();
            for (String value : List.of("-1", "99999999999999999999", "%00", "not-a-value", "%27%3B+DROP+TABLE+wallet")) {
                bad.add(new Bad("query " + name + "=" + value, "?" + name + "=" + value, null, false));
            }
            if (isTime(parameter.path("schema"))) {
                for (String time : FAR_TIMES) {
                    bad.add(new Bad("query " + name + "=" + time, "?" + name + "=" + time.replace("+", "%2B"), null, true));
                }
            }
            if (name.equals("cursor")) {
                String far = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (FAR_TIMES.getFirst() + "|x").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                bad.add(new Bad("a cursor at " + FAR_TIMES.getFirst(), "?cursor=" + far, null, true));
            }
        }
        return bad;
    }

    /** The schema's type; of a nullable one (OpenAPI 3.1: {@code ["string", "null"]}) the type that is not null. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asString().equals("null")) {
                    return one.asString();
                }
            }
        }
        return type.asString("");
    }

    static boolean isCredits(String name) {
        return name.equals("credits") || name.equals("memberMonthlyLimit") || name.equals("lowBalanceThreshold");
    }

    private static JsonNode bodySchema(JsonNode document, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(document, schema);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private static Map<String, Object> with(Map<String, Object> body, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(name, value);
        return changed;
    }

    private static String json(Map<String, Object> body) {
        return Client.JSON.writeValueAsString(body);
    }
}
