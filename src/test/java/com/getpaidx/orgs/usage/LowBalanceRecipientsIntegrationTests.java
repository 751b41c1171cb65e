package com.getpaidx.orgs.usage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The low-balance mail reaches every billing manager, however many members joined before them. */
@IntegrationTest
class LowBalanceRecipientsIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;
    @Autowired TestMailServer mail;

    @Test
    void aBillingManagerWhoJoinedAfterTwoHundredMembersIsMailedToo() {
        UsageTraffic traffic = new UsageTraffic(api, fixtures, funding);
        UsageTraffic.Billed billed = traffic.billed("100");
        fixtures.manyMembers(billed.org(), billed.roster().owner(), 205, Role.MEMBER);
        List<Api.User> late = fixtures.manyMembers(billed.org(), billed.roster().owner(), 2, Role.BILLING_ADMIN);
        Map<String, Object> policy = new HashMap<>();
        policy.put("spenders", "all_members");
        policy.put("selectedUserIds", List.of());
        policy.put("paused", false);
        policy.put("lowBalanceThreshold", "50");
        assertThat(api.put("/api/v1/orgs/" + billed.org() + "/spend-policy", billed.roster().owner().token(), policy)
                .status()).isEqualTo(200);

        traffic.charge(billed, "60");

        for (Api.User manager : List.of(billed.roster().owner(), billed.roster().billingAdmin(), late.get(0), late.get(1))) {
            assertThat(mail.awaitMessagesTo(manager.email(), 1)).as(manager.email()).hasSize(1);
        }
        assertThat(jdbc.sql("""
                SELECT (after ->> 'notified')::int FROM audit_event
                 WHERE org_id = :org AND action = 'wallet.low_balance'""")
                .param("org", billed.org()).query(Integer.class).single()).isEqualTo(4);
    }
}
