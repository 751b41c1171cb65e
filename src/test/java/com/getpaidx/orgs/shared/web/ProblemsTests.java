package com.getpaidx.orgs.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.getpaidx.orgs.billing.PaymentProviderUnavailable;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.usage.OutcomeUnknown;
import com.getpaidx.orgs.usage.UsageNotTaken;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTests {

    @Test
    void aBusyServiceSaysWhenToRetry() {
        for (var busy : new DomainException[] {new OutcomeUnknown(), new UsageNotTaken()}) {
            var response = Problems.response(Problems.of(busy));
            assertThat(response.getStatusCode().value()).isEqualTo(503);
            assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void otherProblemsDoNot() {
        var response = Problems.response(Problems.of(HttpStatus.CONFLICT, "conflict", "No."));
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void refusalsCarryNoStackTraceButFaultsKeepTheirCause() {
        assertThat(new OutcomeUnknown().getStackTrace()).isEmpty();
        var cause = new IllegalStateException("down");
        var unavailable = new PaymentProviderUnavailable("outage", cause);
        assertThat(unavailable.getCause()).isSameAs(cause);
        assertThat(unavailable.getStackTrace()).isNotEmpty();
    }
}
