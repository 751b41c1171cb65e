package com.getpaidx.orgs.usage;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes a charge answers with that are the service's, not the customer's, and the problem each becomes. */
class RefusalProblemsTests {

    @Test
    void anEventNotChargedInTimeIsA503ToRetryAndOneThatFailedA500() {
        assertThat(WorkspaceManagement.refusal("usage_timeout")).isInstanceOfSatisfying(UsageNotTaken.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(problem.code()).isEqualTo("usage_timeout");
        });
        assertThat(WorkspaceManagement.refusal("internal_error")).isInstanceOfSatisfying(DomainException.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(problem.code()).isEqualTo("internal_error");
        });
    }
}
