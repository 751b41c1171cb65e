package com.getpaidx.orgs.shared.apidocs;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation a user's token may call has its scope decided in ApiScopes, and ApiScopes lists nothing else. */
class ApiScopesTests {

    @Test
    void everyUserOperationHasAScope() {
        List<String> undecided = ApiCatalogue.OPERATIONS.entrySet().stream()
                .filter(operation -> operation.getValue().forUsers())
                .filter(operation -> operation.getValue().scope() instanceof ApiScopes.Undecided)
                .map(java.util.Map.Entry::getKey).toList();
        assertThat(undecided).as("operations without a scope in ApiScopes").isEmpty();
    }

    @Test
    void everyListedScopeBelongsToAUserOperationSoTheListCannotRot() {
        List<String> stray = ApiScopes.RULES.keySet().stream()
                .filter(key -> !ApiCatalogue.OPERATIONS.containsKey(key) || !ApiCatalogue.OPERATIONS.get(key).forUsers())
                .toList();
        assertThat(stray).as("ApiScopes rows that are no user operation of ApiCatalogue").isEmpty();
    }

    @Test
    void anUnlistedOperationIsUndecidedAndSoRefused() {
        assertThat(ApiScopes.of("GET", "/api/v1/not-there")).isInstanceOf(ApiScopes.Undecided.class);
        assertThat(ApiScopes.of("get", "/api/v1/orgs/{id}")).isEqualTo(new ApiScopes.Needs(com.getpaidx.orgs.shared.ApiScope.ORGS_READ));
    }

    /** Found by the bad-input and matrix tests: a user's token sent to sign-up or to the fallback was refused 403. */
    @Test
    void aRequestToNoUserOperationAsksNothingOfTheTokensScopes() {
        assertThat(ApiScopes.forRequest("POST", "/api/v1/auth/signup")).isInstanceOf(ApiScopes.AnyToken.class);
        assertThat(ApiScopes.forRequest("POST", "/api/v1/usage-events")).isInstanceOf(ApiScopes.AnyToken.class);
        assertThat(ApiScopes.forRequest("GET", "/api/**")).isInstanceOf(ApiScopes.AnyToken.class);
        assertThat(ApiScopes.forRequest("GET", "/api/v1/orgs/{id}"))
                .isEqualTo(new ApiScopes.Needs(com.getpaidx.orgs.shared.ApiScope.ORGS_READ));
    }
}
