package com.getpaidx.orgs.shared.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiOutcomesTests {

    private static OpenAPI document(String path, PathItem.HttpMethod method) {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                .description("OK").content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Thing"))))));
        PathItem item = new PathItem();
        item.operation(method, operation);
        return new OpenAPI().components(new io.swagger.v3.oas.models.Components()).paths(new Paths().addPathItem(path, item));
    }

    private static Operation customised(String path, PathItem.HttpMethod method) {
        OpenAPI document = document(path, method);
        new ApiOutcomes(new RecordSchemas()).customise(document);
        return document.getPaths().get(path).readOperationsMap().get(method);
    }

    @Test
    void anOperationTheCatalogueDoesNotKnowMakesTheDocumentFail() {
        assertThatThrownBy(() -> customised("/api/v1/unheard-of", PathItem.HttpMethod.GET))
                .hasMessageContaining("get /api/v1/unheard-of is not in ApiCatalogue");
    }

    @Test
    void successesProblemsAndSecurityComeFromTheCatalogue() {
        Operation revoke = customised("/api/v1/orgs/{id}/seats/assignments/{userId}", PathItem.HttpMethod.DELETE);
        assertThat(revoke.getResponses().keySet()).containsExactly("204", "400", "401", "403", "404", "409", "500");
        assertThat(revoke.getResponses().get("204").getContent()).isNull();
        assertThat(revoke.getResponses().get("404").getDescription()).contains("`member_not_found`, `org_not_found`");
        assertThat(revoke.getResponses().get("404").getContent().keySet()).containsExactly("application/problem+json");
        assertThat(revoke.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsKey("bearerAuth"));

        Operation report = customised("/api/v1/usage-events", PathItem.HttpMethod.POST);
        assertThat(report.getResponses().get("201").getContent()).isNotNull();
        assertThat(report.getResponses().get("200").getHeaders().get("Idempotent-Replayed").getRequired()).isTrue();
        assertThat(report.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsKey("serviceToken"));

        Operation signUp = customised("/api/v1/auth/signup", PathItem.HttpMethod.POST);
        assertThat(signUp.getSecurity()).isNull();
        assertThat(signUp.getResponses()).doesNotContainKey("401");
    }
}
