package com.getpaidx.orgs.usage.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.shared.web.CsvDownload;
import com.getpaidx.orgs.usage.RecordedUsage;
import com.getpaidx.orgs.usage.SpendPolicy;
import com.getpaidx.orgs.usage.SpendPolicyManagement;
import com.getpaidx.orgs.usage.Spenders;
import com.getpaidx.orgs.usage.UsageReview;
import com.getpaidx.orgs.usage.UsageSummary;
import org.jspecify.annotations.Nullable;

@RestController
@RequestMapping("/api/v1/orgs/{id}")
class SpendPolicyApiController {

    record PolicyBody(@NotNull Spenders spenders, @Nullable List<@NotNull UUID> selectedUserIds, @Nullable Credits memberMonthlyLimit,
            @NotNull Boolean paused, @Nullable Credits lowBalanceThreshold) {

        static PolicyBody of(SpendPolicy policy) {
            return new PolicyBody(policy.spenders(), policy.selectedUserIds().stream().map(UserId::value).sorted().toList(),
                    policy.memberMonthlyLimit(), policy.paused(), policy.lowBalanceThreshold());
        }

        SpendPolicy policy() {
            Set<UserId> selected = selectedUserIds == null ? Set.of()
                    : selectedUserIds.stream().map(UserId::new).collect(Collectors.toSet());
            return new SpendPolicy(spenders, selected, memberMonthlyLimit, paused, lowBalanceThreshold);
        }
    }

    record UsageEventResponse(String eventId, String workspaceId, UUID userId, UUID payerUserId, Credits credits,
            String kind, String model, Instant occurredAt, Instant recordedAt) {

        static UsageEventResponse of(RecordedUsage usage) {
            return new UsageEventResponse(usage.eventId(), usage.workspaceId(), usage.userId().value(),
                    usage.payerUserId().value(), usage.credits(), usage.kind(), usage.model(), usage.occurredAt(),
                    usage.recordedAt());
        }
    }

    private final SpendPolicyManagement policies;
    private final UsageReview review;

    SpendPolicyApiController(SpendPolicyManagement policies, UsageReview review) {
        this.policies = policies;
        this.review = review;
    }

    @GetMapping("/spend-policy")
    PolicyBody policy(CurrentUser user, @PathVariable UUID id) {
        return PolicyBody.of(policies.policy(new OrgId(id), user.id()));
    }

    @PutMapping("/spend-policy")
    PolicyBody update(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody PolicyBody body) {
        return PolicyBody.of(policies.update(new OrgId(id), user.id(), body.policy()));
    }

    @GetMapping(path = "/usage-events", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
    Page<UsageEventResponse> usageEvents(CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) UUID userId, @RequestParam(required = false) String workspaceId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        var filter = new UsageReview.Filter(userId == null ? null : new UserId(userId), workspaceId, from, to);
        return review.events(new OrgId(id), user.id(), filter, PageRequest.of(limit, cursor)).map(UsageEventResponse::of);
    }

    /** {@code Accept: text/csv}: every event that occurred in [from, to), oldest first, streamed. */
    @GetMapping(path = "/usage-events", produces = CsvDownload.TEXT_CSV)
    void usageEventsCsv(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, HttpServletResponse response) {
        try (var csv = UsageCsv.download(response)) {
            review.export(new OrgId(id), user.id(), from, to, csv);
        }
    }

    @GetMapping("/usage-summary")
    UsageSummary summary(CurrentUser user, @PathVariable UUID id, @RequestParam String month) {
        return review.summary(new OrgId(id), user.id(), month);
    }
}
