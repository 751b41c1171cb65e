package com.getpaidx.orgs.usage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TransactionReads;
import com.getpaidx.orgs.usage.UsageTraffic.Billed;

import static com.getpaidx.orgs.usage.UsageTraffic.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage summary and the daily chart read the day totals the charge keeps (V35), never the events: the totals
 * must equal the events grouped, count a replay and a refusal not at all, and leave every other org's alone.
 */
@IntegrationTest
class UsageDayTotalsIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;
    @Autowired UsageReview review;
    @Autowired TransactionTemplate transactions;

    @Test
    void theDayTotalsAreTheEventsGroupedAndTheReadsTouchNoEvent() {
        UsageTraffic traffic = new UsageTraffic(api, fixtures, funding);
        Billed billed = traffic.billed("100");
        Billed stranger = traffic.billed("100");
        Api.User other = fixtures.newMember(billed.org(), billed.roster().owner(), Role.MEMBER);
        String otherWorkspace = traffic.workspaceOf(other);
        traffic.bind(other, otherWorkspace, billed.org());
        traffic.charge(billed, "2");
        traffic.charge(billed, "0.5");
        Map<String, Object> three = event("evt-" + UUID.randomUUID(), otherWorkspace, other.id(), "3");
        assertThat(traffic.report(three).status()).isEqualTo(201);
        assertThat(traffic.report(three).status()).as("a replay").isEqualTo(200);
        assertThat(traffic.report(event("evt-" + UUID.randomUUID(), billed.workspace(), billed.roster().member().id(), "500"))
                .status()).as("refused: more than the balance").isEqualTo(402);
        // the member acts in the other member's workspace: that member pays
        traffic.report(event("evt-" + UUID.randomUUID(), otherWorkspace, billed.roster().member().id(), "4"));
        traffic.charge(stranger, "9");

        assertThat(totals(billed.org())).hasSize(3).isEqualTo(grouped(billed.org()));
        assertThat(totals(stranger.org())).hasSize(1).isEqualTo(grouped(stranger.org()));

        OrgId org = new OrgId(billed.org());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long eventsRead = transactions.execute(tx -> {
            long before = TransactionReads.rows(jdbc, "usage_event");
            UsageSummary summary = review.summary(org, new UserId(billed.roster().owner().id()), YearMonth.from(today).toString());
            assertThat(summary.byMember()).extracting(t -> t.userId().value() + "=" + t.credits() + "/" + t.events())
                    .containsExactly(other.id() + "=7/2", billed.roster().member().id() + "=2.5/2");
            assertThat(summary.byWorkspace()).extracting(t -> t.workspaceId() + "=" + t.credits() + "/" + t.events())
                    .containsExactly(otherWorkspace + "=7/2", billed.workspace() + "=2.5/2");
            List<UsageDay> mine = review.daily(org, new UserId(billed.roster().member().id()), today.minusDays(2), today);
            assertThat(mine).extracting(UsageDay::credits)
                    .containsExactly(Credits.ZERO, Credits.ZERO, Credits.parse("6.5"));
            assertThat(review.daily(org, new UserId(other.id()), today, today).getFirst().credits()).isEqualTo(Credits.parse("7"));
            return TransactionReads.rows(jdbc, "usage_event") - before;
        });
        assertThat(eventsRead).as("usage events read by the summary and the charts").isZero();
    }

    private List<String> totals(UUID org) {
        return jdbc.sql("""
                SELECT day || ' ' || workspace_id || ' ' || user_id || ' ' || payer_user_id || ' ' || credits || '/' || events
                  FROM usage_day WHERE org_id = :org ORDER BY 1""").param("org", org).query(String.class).list();
    }

    private List<String> grouped(UUID org) {
        return jdbc.sql("""
                SELECT day || ' ' || workspace_id || ' ' || user_id || ' ' || payer_user_id || ' ' || credits || '/' || events
                  FROM (SELECT (recorded_at AT TIME ZONE 'UTC')::date AS day, workspace_id, user_id, payer_user_id,
                               sum(credits) AS credits, count(*) AS events
                          FROM usage_event WHERE org_id = :org GROUP BY 1, 2, 3, 4) AS g
                 ORDER BY 1""").param("org", org).query(String.class).list();
    }
}
