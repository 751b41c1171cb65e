package com.getpaidx.orgs.support;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator itself: it must catch what the contract forbids, and pass what it allows. */
class ContractValidatorTests {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "components": {"schemas": {
               "Org": {"type": "object", "required": ["id", "name", "slug"],
                       "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                                      "slug": {"type": ["string", "null"]}}},
               "Problem": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}}},
             "paths": {"/api/v1/orgs/{id}": {"get": {
               "security": [{"bearerAuth": []}],
               "responses": {
                 "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Org"}}}},
                 "404": {"description": "Not Found. Codes: `org_not_found`.",
                         "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}}
            """;

    private final ContractValidator validator = ContractValidator.ofDocument(DOCUMENT);

    private static ContractValidator.Exchange get(int status, String type, String body) {
        return new ContractValidator.Exchange("GET", URI.create("http://h/api/v1/orgs/42"), Optional.of("Bearer x"),
                Optional.empty(), null, status, Optional.of(type), Optional.empty(), body);
    }

    @Test
    void anAnswerTheDocumentDescribesPasses() {
        assertThat(validator.check(get(200, "application/json", "{\"id\":\"1\",\"name\":\"A\",\"slug\":null}"))).isEmpty();
        assertThat(validator.check(get(404, "application/problem+json", "{\"code\":\"org_not_found\"}"))).isEmpty();
    }

    @Test
    void aBodyOffItsSchemaFails() {
        assertThat(validator.check(get(200, "application/json", "{\"id\":\"1\",\"name\":null,\"slug\":null}")))
                .singleElement().asString().contains("does not match its schema");
        assertThat(validator.check(get(200, "application/json", "{\"id\":\"1\",\"slug\":null}"))).hasSize(1);
    }

    @Test
    void anUndeclaredStatusOrCodeOrTypeFails() {
        assertThat(validator.check(get(409, "application/problem+json", "{\"code\":\"x\"}")))
                .singleElement().asString().contains("not a status the document declares");
        assertThat(validator.check(get(404, "application/problem+json", "{\"code\":\"member_not_found\"}")))
                .singleElement().asString().contains("not among");
        assertThat(validator.check(get(200, "*/*", "{}"))).singleElement().asString().contains("the document says");
    }

    @Test
    void aSuccessWithoutTheTokenTheDocumentRequiresFails() {
        var anonymous = new ContractValidator.Exchange("GET", URI.create("http://h/api/v1/orgs/42"), Optional.empty(),
                Optional.empty(), null, 200, Optional.of("application/json"), Optional.empty(),
                "{\"id\":\"1\",\"name\":\"A\",\"slug\":null}");
        assertThat(validator.check(anonymous)).singleElement().asString().contains("without a token");
        assertThat(validator.checkTokenKind(get(200, "application/json", "{}"), "serviceToken")).hasSize(1);
    }
}
