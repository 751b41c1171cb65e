package com.getpaidx.orgs.usage.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.usage.UsageOutcome;

/**
 * The ingestion's meters: {@code getpaidx_usage_events_total{outcome,code}} (outcome {@code charged},
 * {@code duplicate} or {@code refused}, code the refusal's, {@code none} otherwise; {@code refused} with
 * {@code outcome_unknown} counts events answered 503 whose charge may still have landed), the commit time of each
 * batch ({@code getpaidx_usage_commit_seconds}, a histogram) and its size ({@code getpaidx_usage_batch_size}).
 * The counters are registered up front, so an event costs an increment, never a registry lookup.
 */
@Component
public class UsageMetrics {

    /** Every code a charge or the door may refuse with; another code still counts, registered when first seen. */
    static final List<String> REFUSALS = List.of("org_archived", "billing_paused", "not_member", "policy_denied",
            "member_limit_reached", "insufficient_balance", "not_org_billed", "workspace_not_found",
            "idempotency_conflict", "validation_failed", "internal_error", "usage_timeout", "outcome_unknown", "shutting_down");

    private static final String EVENTS = "getpaidx.usage.events";

    private final MeterRegistry meters;
    private final Counter charged;
    private final Counter duplicate;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Timer commit;
    private final DistributionSummary batchSize;

    UsageMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.charged = events("charged", "none");
        this.duplicate = events("duplicate", "none");
        REFUSALS.forEach(code -> refused.put(code, events("refused", code)));
        this.commit = Timer.builder("getpaidx.usage.commit").description("Time to charge one batch of usage events, its commit included (not the flush that puts it on disk)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(meters);
        this.batchSize = DistributionSummary.builder("getpaidx.usage.batch.size")
                .description("Usage events charged in one transaction")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000).register(meters);
    }

    private Counter events(String outcome, String code) {
        return Counter.builder(EVENTS).description("Usage events answered, by outcome and refusal code")
                .tag("outcome", outcome).tag("code", code).register(meters);
    }

    public void count(UsageOutcome outcome) {
        switch (outcome.status()) {
            case ACCEPTED -> charged.increment();
            case DUPLICATE -> duplicate.increment();
            case REJECTED -> refused(outcome.code());
        }
    }

    public void refused(String code) {
        refused(code, 1);
    }

    public void refused(String code, int events) {
        Counter counter = refused.get(code);
        (counter != null ? counter : refused.computeIfAbsent(code, c -> events("refused", c))).increment(events);
    }

    /** Times one transaction over {@code size} events (a failed one too: its time was spent). */
    <T> T commit(int size, Supplier<T> transaction) {
        batchSize.record(size);
        return commit.record(transaction);
    }
}
