package com.getpaidx.orgs.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TransactionReads;
import com.getpaidx.orgs.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's next step "bill a workspace to this organization" is there until usage is billed to the org, and
 * finding out reads one usage event, not the month's.
 */
@IntegrationTest
class UsageOverviewIntegrationTests {

    private static final String NEXT_STEP = "bill a workspace to this organization";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired UsageReview review;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void theNextStepToBillAWorkspaceGoesOnceUsageIsBilled() {
        UsageTraffic traffic = new UsageTraffic(api, fixtures, funding);
        UsageTraffic.Billed billed = traffic.billed("10");
        PageSession owner = PageSession.signedIn(api, billed.roster().owner());
        String path = "/settings/organizations/" + billed.org();
        assertThat(owner.page(path)).contains(NEXT_STEP);

        assertThat(traffic.charge(billed, "1").status()).isEqualTo(201);

        assertThat(owner.page(path)).doesNotContain(NEXT_STEP);
    }

    @Test
    void whetherAnyUsageWasBilledReadsOneEvent() {
        UsageTraffic.Billed billed = new UsageTraffic(api, fixtures, funding).billed("100");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(UsageTraffic.event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "1"));
        }
        assertThat(api.post("/api/v1/usage-events/batch", api.serviceToken(), Map.of("events", events)).status()).isEqualTo(200);
        OrgId org = new OrgId(billed.org());
        Instant since = Instant.now().minus(Duration.ofDays(30));

        long read = transactions.execute(tx -> {
            long before = TransactionReads.rows(jdbc, "usage_event");
            assertThat(review.anySince(org, new UserId(billed.roster().owner().id()), since)).isTrue();
            return TransactionReads.rows(jdbc, "usage_event") - before;
        });

        assertThat(read).as("usage_event rows read").isLessThanOrEqualTo(1);
        assertThat(review.anySince(org, new UserId(billed.roster().owner().id()), Instant.now().plusSeconds(60))).isFalse();
    }
}
