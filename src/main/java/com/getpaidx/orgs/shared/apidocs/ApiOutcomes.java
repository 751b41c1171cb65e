package com.getpaidx.orgs.shared.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;

/**
 * Applies {@link ApiCatalogue} to the document: each operation's security requirement, its success statuses as
 * sent, and its problems as {@code application/problem+json} with the codes in each response's description.
 */
class ApiOutcomes implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String CSV = "text/csv";

    private final RecordSchemas schemas;

    ApiOutcomes(RecordSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (!schemas.collisions().isEmpty()) {
            throw new IllegalStateException(String.join("; ", schemas.collisions()));
        }
        if (openApi.getPaths() == null) {
            return;
        }
        // springdoc keeps only the schemas it computed: the shared problem schema joins them here
        openApi.getComponents().addSchemas(ApiDocumentation.PROBLEM, ApiDocumentation.problemSchema());
        pinDiscriminators(openApi.getComponents().getSchemas());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name().toLowerCase() + " " + path;
            ApiCatalogue.Entry entry = ApiCatalogue.OPERATIONS.get(key);
            if (entry == null) {
                throw new IllegalStateException("The API operation " + key + " is not in ApiCatalogue: "
                        + "say who may call it and what it answers there");
            }
            if (entry.forUsers() && entry.scope() instanceof ApiScopes.Undecided) {
                throw new IllegalStateException("The API operation " + key + " has no scope in ApiScopes: "
                        + "say which scope a user's token needs for it (or any)");
            }
            operation.setSecurity(security(entry));
            if (entry.scope() instanceof ApiScopes.Needs needs) {
                operation.addExtension("x-required-scope", needs.scope().json());
            }
            operation.setResponses(responses(operation, entry, path.contains("{")));
            if (ApiCatalogue.CSV_LISTS.contains(key)) {
                describeCsv(operation.getResponses().get("200"));
                canonical(operation);
            }
        }));
        // a module without operations here (the sandbox when it is off) has no tag either
        java.util.Set<String> used = new java.util.HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> used.addAll(
                operation.getTags() == null ? List.of() : operation.getTags())));
        if (openApi.getTags() != null) {
            openApi.setTags(openApi.getTags().stream().filter(tag -> used.contains(tag.getName())).toList());
        }
    }

    /**
     * Each subtype of a polymorphic schema says which discriminator value it carries, so exactly one of a
     * {@code oneOf} matches (without it the catch-all subtype matches every value too).
     */
    static void pinDiscriminators(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        schemas.values().stream().filter(schema -> schema.getDiscriminator() != null
                && schema.getDiscriminator().getMapping() != null).toList().forEach(parent -> {
            String property = parent.getDiscriminator().getPropertyName();
            parent.getDiscriminator().getMapping().forEach((value, ref) -> {
                Schema subtype = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                if (subtype == null) {
                    return;
                }
                Schema own = subtype.getAllOf() == null ? subtype : (Schema) subtype.getAllOf().getLast();
                // a pattern, not an enum or const: a generated subclass keeps the parent's String accessor
                Schema<String> pinned = new StringSchema().pattern("^" + value + "$");
                own.addProperty(property, pinned);
                List<String> required = new ArrayList<>(subtype.getRequired() == null ? List.of() : subtype.getRequired());
                if (!required.contains(property)) {
                    required.add(property);
                }
                subtype.setRequired(required);
            });
        });
    }

    /** A user's bearer requirement lists the scope the token needs (OpenAPI allows role names for non-OAuth schemes). */
    private static List<SecurityRequirement> security(ApiCatalogue.Entry entry) {
        List<String> scopes = entry.scope() instanceof ApiScopes.Needs needs ? List.of(needs.scope().json()) : List.of();
        return switch (entry.access()) {
            case "public" -> null;
            case "user" -> List.of(new SecurityRequirement().addList(ApiDocumentation.BEARER, scopes));
            case "service" -> List.of(new SecurityRequirement().addList(ApiDocumentation.SERVICE));
            case "user+service" -> List.of(new SecurityRequirement().addList(ApiDocumentation.BEARER, scopes),
                    new SecurityRequirement().addList(ApiDocumentation.SERVICE));
            default -> throw new IllegalStateException("Unknown access " + entry.access());
        };
    }

    private static ApiResponses responses(Operation operation, ApiCatalogue.Entry entry, boolean pathParameters) {
        Map<String, ApiResponse> responses = new TreeMap<>();
        ApiResponses inferred = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        inferred.forEach((status, response) -> {
            if (status.startsWith("2")) {
                responses.put(status, response);
            }
        });
        if (!entry.successes().isEmpty()) {
            ApiResponse template = responses.values().stream().findFirst().orElse(new ApiResponse());
            responses.clear();
            for (String success : entry.successes()) {
                responses.put(success.substring(0, 3), success(template, success));
            }
        }
        problems(operation, entry, pathParameters).forEach((status, codes) -> responses.put(String.valueOf(status),
                problem(status, codes)));
        ApiResponses result = new ApiResponses();
        responses.forEach(result::addApiResponse);
        return result;
    }

    /** Query parameters of the lists in the order clients are generated with, whichever handler springdoc met first. */
    private static final List<String> PARAMETER_ORDER = List.of("id", "userId", "workspaceId", "from", "to", "limit",
            "cursor");

    /**
     * A list with a CSV twin is one operation of two handler methods: it keeps the JSON method's name and one order
     * of parameters, so the generated clients do not change with the order springdoc reads the methods in.
     */
    private static void canonical(Operation operation) {
        if (operation.getOperationId() != null && operation.getOperationId().endsWith("Csv")) {
            operation.setOperationId(operation.getOperationId().substring(0, operation.getOperationId().length() - 3));
        }
        if (operation.getParameters() != null) {
            operation.setParameters(operation.getParameters().stream()
                    .sorted(java.util.Comparator.comparingInt(p -> PARAMETER_ORDER.indexOf(p.getName())))
                    .collect(Collectors.toCollection(ArrayList::new)));
        }
    }

    /** A list that also answers {@code Accept: text/csv} (an export) says what the CSV holds. */
    private static void describeCsv(ApiResponse response) {
        Content content = new Content();
        if (response.getContent() != null) {
            content.putAll(response.getContent());
        }
        // the JSON list also produces */* (so a client listing both types in its order gets the first): not a type
        content.remove("*/*");
        response.setContent(content.addMediaType(CSV, new MediaType().schema(new StringSchema().description(
                    "With `Accept: text/csv`: every item from `from` (inclusive) to `to` (exclusive), oldest first, "
                            + "streamed; a header row of the JSON item's field names, credits as decimal strings, "
                            + "times in UTC ISO 8601."))));
    }

    private static ApiResponse success(ApiResponse template, String success) {
        int status = Integer.parseInt(success.substring(0, 3));
        if (status == 204) {
            return new ApiResponse().description("No Content");
        }
        ApiResponse response = new ApiResponse().content(template.getContent())
                .description(HttpStatus.valueOf(status).getReasonPhrase());
        if (success.endsWith("r")) {
            response.description("The same request again (an idempotent replay): the first answer, marked "
                    + REPLAYED + ": true").addHeaderObject(REPLAYED, new Header().required(true)
                    .schema(new StringSchema()._enum(List.of("true"))));
        }
        if (success.endsWith("o")) {
            response.addHeaderObject(REPLAYED, new Header().required(false).description(
                    "true when this answers the same request again (an idempotent replay)")
                    .schema(new StringSchema()._enum(List.of("true"))));
        }
        return response;
    }

    /** Every problem an operation can answer, by status, codes sorted. */
    static Map<Integer, List<String>> problems(Operation operation, ApiCatalogue.Entry entry, boolean pathParameters) {
        List<String> all = new ArrayList<>(entry.problems());
        all.add("500 internal_error");
        if (entry.signedIn()) {
            all.add("401 unauthorized");
            all.add("403 forbidden");
        }
        if (entry.scope() instanceof ApiScopes.Needs) {
            all.add("403 insufficient_scope");
        }
        boolean parameters = pathParameters || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (parameters || operation.getRequestBody() != null) {
            all.add("400 validation_failed");
        }
        if (operation.getRequestBody() != null) {
            all.add("413 payload_too_large");
            all.add("415 unsupported_media_type");
        }
        return all.stream().distinct().collect(Collectors.groupingBy(problem -> Integer.valueOf(problem.substring(0, 3)),
                TreeMap::new, Collectors.mapping(problem -> problem.substring(4), Collectors.collectingAndThen(
                        Collectors.toList(), codes -> codes.stream().sorted().toList()))));
    }

    private static ApiResponse problem(int status, List<String> codes) {
        return new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase() + ". Codes: "
                        + codes.stream().map(code -> "`" + code + "`").collect(Collectors.joining(", ")) + ".")
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiDocumentation.PROBLEM))));
    }
}
