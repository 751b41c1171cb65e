package com.getpaidx.orgs.shared.apidocs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.shared.CurrentUser;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what springdoc reads from the controllers, corrected in one place
 * (schemas from the Java types in {@link RecordSchemas}, statuses, errors and access in {@link ApiOutcomes}), so
 * controllers carry no documentation annotations.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearerAuth";
    static final String SERVICE = "serviceToken";
    static final String PROBLEM = "Problem";

    static {
        // the signed-in user is resolved from the token, never sent as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
        // audit before/after are JSON objects (or null), not Jackson's tree model
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new JsonSchema()
                .types(new java.util.LinkedHashSet<>(List.of("object", "null")))
                .additionalProperties(true)
                .description("The state as a JSON object; null when there was none (created or deleted)."));
    }

    /** The module each operation belongs to, as the document's tags, in the order a reader meets them. */
    static final Map<String, String> TAGS = new java.util.LinkedHashMap<>();

    static {
        TAGS.put("account", "Sign-up, API tokens, the signed-in user and email verification");
        TAGS.put("membership", "Organizations, their members and roles, and the audit log");
        TAGS.put("invitation", "Invitations to join an organization, and accepting them");
        TAGS.put("wallet", "The organization's AI-credit wallet: balance, ledger and top-ups");
        TAGS.put("usage", "Workspaces billed to an organization, usage events (service token) and spend policy");
        TAGS.put("seat", "Pro seats: the subscription, seat checkout and assignments, and entitlements");
        TAGS.put("billing", "Payment provider webhooks");
        TAGS.put("events", "Outgoing events to the GetPaidX app (Standard Webhooks): deliveries and retries (service token)");
        TAGS.put("sandbox", "The local payment sandbox's test API (only when the sandbox runs: no Stripe key, "
                + "bound to loopback); no authentication");
    }

    @Bean
    OpenAPI getpaidxOpenApi(ObjectProvider<BuildProperties> build) {
        String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion).orElse("dev");
        return new OpenAPI()
                .info(new Info().title("GetPaidX Organizations API").version(version).description("""
                        Organizations (billing groups and rosters), invitations, the shared AI-credit wallet, \
                        org-billed workspace usage and Pro seats. Every error is `application/problem+json` \
                        (the `Problem` schema) with a machine `code`; each response lists the codes it can carry. \
                        Lists are `{"items": [...], "nextCursor": ...}` with `?limit=` (at most 200) and `?cursor=`."""))
                // a fixed server, not the one a request came to: the document is the same on every build
                .servers(List.of(new Server().url("http://localhost:8080").description("A local run")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A user's API token from `POST /api/v1/auth/tokens`. Each operation lists the scope the "
                                        + "token needs (`x-required-scope`); beyond its scopes a token gets 403 `insufficient_scope`."))
                        .addSecuritySchemes(SERVICE, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The workspace runtime's service token (`GETPAIDX_SERVICE_TOKEN`).")))
                .tags(TAGS.entrySet().stream().map(tag -> new Tag().name(tag.getKey()).description(tag.getValue()))
                        .toList());
    }

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    ModuleTags moduleTags() {
        return new ModuleTags();
    }

    @Bean
    GlobalOpenApiCustomizer apiOutcomes(RecordSchemas schemas) {
        return new ApiOutcomes(schemas);
    }

    /** RFC 9457 problem details as {@code shared.web.Problems} writes them. */
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new TreeMap<>();
        properties.put("type", new StringSchema().description("`about:blank` (absent on a few of Spring's own errors)"));
        properties.put("title", new StringSchema().description("The status's reason phrase"));
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema().description("A sentence for people"));
        properties.put("instance", new StringSchema().description("The request path"));
        properties.put("code", new StringSchema().description("The machine code; each response lists its codes"));
        properties.put("errors", new ArraySchema().description("With `validation_failed`: each field and what is wrong")
                .items(new ObjectSchema().addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema()).required(List.of("field", "message"))));
        return new ObjectSchema().properties(properties).required(List.of("title", "status", "code"))
                .description("An error (RFC 9457 problem details) with a machine `code`.");
    }
}
