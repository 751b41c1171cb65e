package com.getpaidx.orgs.usage;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.Scrape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection of a charge in flight breaks (a trigger makes its own session end, as a crash or a
 * failover would): whether the commit landed is unknown to the service, so the answer is 503
 * {@code outcome_unknown}, never 500 "nothing of it was written". The retry with the same eventId is
 * charged exactly once. The event is counted under {@code outcome_unknown}, which an operator alerts on.
 */
@IntegrationTest
class ChargeConnectionLostTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;

    private UsageEventTrigger severing;

    @BeforeEach
    void severingTrigger() {
        severing = UsageEventTrigger.install(jdbc, "test_sever_connection", "severed",
                "PERFORM pg_terminate_backend(pg_backend_pid());");
    }

    @AfterEach
    void dropTrigger() {
        severing.drop();
    }

    @Test
    void aChargeWhoseConnectionBreaksHasAnUnknownOutcomeAndItsRetryIsChargedOnce() {
        UsageTraffic.Billed billed = new UsageTraffic(api, fixtures, funding).billed("10");
        Map<String, Object> event = UsageTraffic.event("evt-" + UUID.randomUUID(), billed.workspace(),
                billed.roster().member().id(), "1");
        event.put("kind", "severed");

        Scrape before = Scrape.of(api);
        Api.Response lost = api.post("/api/v1/usage-events", api.serviceToken(), event);
        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.code()).isEqualTo("outcome_unknown");
        assertThat(unknown(Scrape.of(api)) - unknown(before)).as("counted for the operator's alert").isEqualTo(1);

        dropTrigger();
        Api.Response retried = api.post("/api/v1/usage-events", api.serviceToken(), event);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM wallet_entry WHERE idempotency_key = :key")
                .param("key", "usage:" + event.get("eventId")).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org").param("org", billed.org())
                .query(Long.class).single()).isEqualTo(Credits.ofWhole(9).micros());
    }

    private static double unknown(Scrape scrape) {
        return scrape.value("getpaidx_usage_events_total", "outcome", "refused", "code", "outcome_unknown");
    }
}
