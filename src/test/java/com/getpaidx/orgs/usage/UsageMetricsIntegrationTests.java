package com.getpaidx.orgs.usage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.Scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator scrapes from the management port moves with real usage events. */
@IntegrationTest
class UsageMetricsIntegrationTests {

    private static final String EVENTS = "getpaidx_usage_events_total";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;

    @Test
    void usageEventsCountByOutcomeAndCommitsAreTimed() {
        UsageTraffic traffic = new UsageTraffic(api, fixtures, funding);
        UsageTraffic.Billed billed = traffic.billed("100");
        assertThat(traffic.putPolicy(billed, UsageTraffic.policy("all_members", null, false, "50")).status()).isEqualTo(200);
        Scrape before = Scrape.of(api);

        Map<String, Object> first = UsageTraffic.event("evt-" + UUID.randomUUID(), billed.workspace(),
                billed.roster().member().id(), "10");
        assertThat(traffic.report(first).status()).isEqualTo(201);
        assertThat(traffic.report(first).status()).as("a replay").isEqualTo(200);
        UsageTraffic.assertProblem(traffic.charge(billed, "1000"), 402, "insufficient_balance");
        assertThat(traffic.charge(billed, "45").status()).as("crosses the threshold of 50").isEqualTo(201);
        Api.Response batch = api.post("/api/v1/usage-events/batch", api.serviceToken(), Map.of("events", List.of(
                UsageTraffic.event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "1"),
                UsageTraffic.event("evt-" + UUID.randomUUID(), "ws-nobody-" + UUID.randomUUID(), billed.roster().member().id(), "1"))));
        assertThat(batch.status()).isEqualTo(200);
        // the alert goes out on the alerts' thread, moments after the crossing charge is answered
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(delta(before, Scrape.of(api), "getpaidx_wallet_low_balance_alerts_total")).isEqualTo(1));

        Scrape after = Scrape.of(api);
        assertThat(delta(before, after, EVENTS, "outcome", "charged")).isEqualTo(3);
        assertThat(delta(before, after, EVENTS, "outcome", "duplicate")).isEqualTo(1);
        assertThat(delta(before, after, EVENTS, "outcome", "refused", "code", "insufficient_balance")).isEqualTo(1);
        assertThat(delta(before, after, EVENTS, "outcome", "refused", "code", "workspace_not_found")).isEqualTo(1);
        assertThat(delta(before, after, "getpaidx_wallet_low_balance_alerts_total")).isEqualTo(1);
        assertThat(delta(before, after, "getpaidx_usage_commit_seconds_count")).as("one transaction per request here")
                .isGreaterThanOrEqualTo(5);
        assertThat(delta(before, after, "getpaidx_usage_commit_seconds_bucket", "le", "+Inf")).isGreaterThanOrEqualTo(5);
        assertThat(delta(before, after, "getpaidx_usage_batch_size_sum")).as("events in those transactions")
                .isGreaterThanOrEqualTo(6);
        assertThat(after.value("getpaidx_usage_batch_size_bucket", "le", "2.0")).isPositive();
    }

    @Test
    void everyRefusalCodeIsThereFromTheStartAndTheUsualMetersToo() {
        Scrape scrape = Scrape.of(api);
        for (String code : List.of("insufficient_balance", "billing_paused", "member_limit_reached", "shutting_down",
                "usage_timeout", "outcome_unknown")) {
            assertThat(scrape.text()).as(code).contains("code=\"" + code + "\"");
        }
        assertThat(scrape.names()).contains("getpaidx_payment_inbox_pending", "getpaidx_payment_inbox_dead",
                "getpaidx_mail_outbox_pending", "getpaidx_mail_outbox_dead", "getpaidx_mail_outbox_oldest_seconds",
                "jvm_memory_used_bytes", "jvm_threads_live_threads", "hikaricp_connections_active",
                "http_server_requests_seconds_count", "tomcat_threads_busy_threads");
        assertThat(api.get("/actuator/prometheus", null).status()).as("not on the service's port").isEqualTo(404);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
