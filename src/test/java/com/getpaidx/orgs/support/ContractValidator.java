package com.getpaidx.orgs.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an exchange with the API against the live OpenAPI document: the operation exists, the status is one it
 * declares, the content type and body match that response's schema, a problem's {@code code} is among those the
 * response lists, the token sent is one the operation's security accepts, and a request the service accepted
 * (2xx) matches the request body schema. The document is read and its schemas compiled once per JVM.
 */
public final class ContractValidator {

    private static final Map<String, ContractValidator> BY_BASE_URL = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IRI = "https://getpaidx.invalid/openapi.json";
    private static final List<String> VALIDATED = List.of("/api/", "/sandbox/api/", "/webhooks/");

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private record Route(Pattern pattern, String template) {
    }

    /** One exchange as seen by the client. */
    public record Exchange(String method, URI uri, Optional<String> authorization, Optional<String> requestType,
            String requestBody, int status, Optional<String> responseType, Optional<String> replayed,
            String responseBody) {
    }

    private ContractValidator(String text) {
        this.document = JSON.readTree(text);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(IRI, text)));
        document.get("paths").propertyNames().stream()
                .sorted(Comparator.comparingLong(template -> template.chars().filter(c -> c == '{').count()))
                .forEach(template -> routes.add(new Route(Pattern.compile(
                        template.replaceAll("\\{[^/]+}", "[^/]+")), template)));
    }

    static ContractValidator ofDocument(String text) {
        return new ContractValidator(text);
    }

    public static ContractValidator of(String baseUrl) {
        return BY_BASE_URL.computeIfAbsent(baseUrl, url -> {
            try {
                HttpResponse<String> docs = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(url + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (docs.statusCode() != 200) {
                    throw new IllegalStateException("no OpenAPI document: " + docs.statusCode() + " " + docs.body());
                }
                return new ContractValidator(docs.body());
            }
            catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static boolean covers(String path) {
        return VALIDATED.stream().anyMatch(path::startsWith);
    }

    /** The request's body as the client sends it (the publishers {@code HttpRequest} makes can be read again). */
    public static String bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return null;
        }
        var out = new java.io.ByteArrayOutputStream();
        var done = new java.util.concurrent.CompletableFuture<Void>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            public void onSubscribe(Flow.Subscription subscription) { subscription.request(Long.MAX_VALUE); }
            public void onNext(ByteBuffer item) { byte[] bytes = new byte[item.remaining()]; item.get(bytes); out.writeBytes(bytes); }
            public void onError(Throwable e) { done.completeExceptionally(e); }
            public void onComplete() { done.complete(null); }
        });
        done.join();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The mismatches of one exchange; empty when it keeps to the document. */
    public List<String> check(Exchange exchange) {
        List<String> problems = new ArrayList<>();
        String path = exchange.uri().getPath();
        String method = exchange.method().toLowerCase();
        Optional<String> template = routes.stream().filter(route -> route.pattern().matcher(path).matches())
                .map(Route::template).filter(t -> document.get("paths").get(t).has(method)).findFirst();
        if (template.isEmpty()) {
            if (exchange.status() != 404 && exchange.status() != 405) {
                problems.add("no operation " + method.toUpperCase() + " " + path + " in the document, yet it answered "
                        + exchange.status());
            }
            return problems;
        }
        String operationPointer = "#/paths/" + escape(template.get()) + "/" + method;
        JsonNode operation = document.get("paths").get(template.get()).get(method);
        JsonNode response = operation.get("responses").get(String.valueOf(exchange.status()));
        String where = method.toUpperCase() + " " + template.get() + " → " + exchange.status();
        if (response == null) {
            problems.add(where + " is not a status the document declares (" + operation.get("responses").propertyNames()
                    + "); body: " + exchange.responseBody());
            return problems;
        }
        boolean success = exchange.status() < 300;
        if (success) {
            checkSecurity(exchange, operation, where, problems);
            checkRequest(exchange, operation, operationPointer, where, problems);
        }
        checkResponse(exchange, response, operationPointer + "/responses/" + exchange.status(), where, problems);
        return problems;
    }

    private void checkSecurity(Exchange exchange, JsonNode operation, String where, List<String> problems) {
        List<String> accepted = new ArrayList<>();
        if (operation.has("security")) {
            operation.get("security").forEach(requirement -> accepted.addAll(requirement.propertyNames()));
        }
        if (exchange.authorization().isEmpty() && !accepted.isEmpty()) {
            problems.add(where + " without a token, but the document requires " + accepted);
        }
        if (exchange.authorization().isPresent() && accepted.isEmpty() && !exchange.uri().getPath().startsWith("/api/v1/auth/")) {
            problems.add(where + " with a token, but the document names no security for it");
        }
    }

    /** The token sent must be of a scheme the operation lists: the caller tells which via {@link #tokenKind}. */
    public static String tokenKind(String authorization, String serviceToken) {
        return authorization.equals("Bearer " + serviceToken) ? "serviceToken" : "bearerAuth";
    }

    public List<String> checkTokenKind(Exchange exchange, String kind) {
        if (exchange.status() >= 300) {
            return List.of();
        }
        String path = exchange.uri().getPath();
        String method = exchange.method().toLowerCase();
        return routes.stream().filter(route -> route.pattern().matcher(path).matches()).map(Route::template)
                .filter(t -> document.get("paths").get(t).has(method)).findFirst()
                .map(t -> document.get("paths").get(t).get(method).get("security"))
                .filter(security -> security != null && security.valueStream().noneMatch(r -> r.has(kind)))
                .map(security -> List.of(exchange.method() + " " + path + " accepted a " + kind
                        + " token, but the document's security is " + security))
                .orElse(List.of());
    }

    private void checkRequest(Exchange exchange, JsonNode operation, String pointer, String where, List<String> problems) {
        JsonNode content = operation.path("requestBody").path("content");
        if (exchange.requestBody() == null || exchange.requestBody().isBlank() || content.isMissingNode()) {
            if (operation.path("requestBody").path("required").asBoolean(false)) {
                problems.add(where + " accepted a request without the body the document requires");
            }
            return;
        }
        String type = exchange.requestType().map(t -> t.split(";")[0].trim()).orElse("application/json");
        if (!content.has(type)) {
            if (!content.has("*/*")) {
                problems.add(where + " accepted a " + type + " body; the document takes " + content.propertyNames());
            }
            return;
        }
        JsonNode schema = content.get(type).path("schema");
        if (type.contains("json") && !"string".equals(schema.path("type").asString(""))) {
            validate(pointer + "/requestBody/content/" + escape(type) + "/schema", exchange.requestBody(),
                    where + " request", problems);
        }
    }

    private void checkResponse(Exchange exchange, JsonNode response, String pointer, String where, List<String> problems) {
        JsonNode content = response.path("content");
        boolean empty = exchange.responseBody() == null || exchange.responseBody().isBlank();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                problems.add(where + " has a body, the document says none: " + exchange.responseBody());
            }
            return;
        }
        String type = exchange.responseType().map(t -> t.split(";")[0].trim()).orElse("");
        if (!content.has(type)) {
            problems.add(where + " answered " + type + "; the document says " + content.propertyNames());
            return;
        }
        if (type.contains("json")) { // a CSV download is text: the document names its type, there is no schema to check
            validate(pointer + "/content/" + escape(type) + "/schema", exchange.responseBody(), where, problems);
        }
        if (response.path("headers").path("Idempotent-Replayed").path("required").asBoolean(false)
                && exchange.replayed().isEmpty()) {
            problems.add(where + " lacks the Idempotent-Replayed header the document promises");
        }
        if (exchange.replayed().isPresent() && !(response.has("headers") && response.get("headers").has("Idempotent-Replayed"))) {
            problems.add(where + " sent Idempotent-Replayed, which the document does not declare for it");
        }
        if (type.equals("application/problem+json")) {
            String code = JSON.readTree(exchange.responseBody()).path("code").asString("");
            if (!response.path("description").asString("").contains("`" + code + "`")) {
                problems.add(where + " carried code " + code + ", not among " + response.path("description").asString());
            }
        }
    }

    private void validate(String pointer, String body, String where, List<String> problems) {
        Schema schema = compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(IRI + p)));
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        }
        catch (RuntimeException e) {
            problems.add(where + " is not JSON: " + body);
            return;
        }
        List<com.networknt.schema.Error> errors = schema.validate(instance);
        if (!errors.isEmpty()) {
            problems.add(where + " does not match its schema: " + errors + " in " + abbreviate(body));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
