package com.getpaidx.orgs.usage.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.UsageIngestion;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.UsageReport;
import org.jspecify.annotations.Nullable;

/** The workspace runtime reports usage here with the service token (the security chain checks it). */
@RestController
@RequestMapping("/api/v1/usage-events")
class UsageApiController {

    record UsageEventRequest(@NotNull String eventId, @NotNull String workspaceId, @NotNull UUID userId,
            @NotNull Credits credits, @NotNull String kind, @NotNull String model, @NotNull Instant occurredAt) {

        UsageReport report() {
            return new UsageReport(eventId, workspaceId, userId == null ? null : new UserId(userId), credits, kind, model,
                    occurredAt);
        }
    }

    record BatchRequest(@NotNull @Size(max = 1000) List<@NotNull UsageEventRequest> events) {
    }

    record ChargedResponse(String eventId, UUID orgId, Credits credits, Credits balanceAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResultResponse(String eventId, UsageOutcome.Status status, @Nullable String code, @Nullable Credits balanceAfter) {
    }

    record BatchResponse(List<ResultResponse> results) {
    }

    private final UsageIngestion ingestion;

    UsageApiController(UsageIngestion ingestion) {
        this.ingestion = ingestion;
    }

    /** 201 when charged now; 200 with {@code Idempotent-Replayed: true} for the same event again. */
    @PostMapping
    ResponseEntity<ChargedResponse> report(@Valid @RequestBody UsageEventRequest request) {
        UsageOutcome outcome = ingestion.report(request.report());
        boolean replay = outcome.status() == UsageOutcome.Status.DUPLICATE;
        var response = ResponseEntity.status(replay ? HttpStatus.OK : HttpStatus.CREATED);
        if (replay) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(new ChargedResponse(outcome.eventId(), outcome.orgId().value(), outcome.credits(),
                outcome.balanceAfter()));
    }

    @PostMapping("/batch")
    BatchResponse reportBatch(@Valid @RequestBody BatchRequest request) {
        List<UsageOutcome> outcomes = ingestion.reportAll(request.events().stream().map(UsageEventRequest::report).toList());
        return new BatchResponse(outcomes.stream()
                .map(o -> new ResultResponse(o.eventId(), o.status(), o.code(), o.balanceAfter()))
                .toList());
    }
}
