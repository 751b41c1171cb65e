package com.getpaidx.orgs.usage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestEventReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/** The charge that takes the balance below the threshold sends wallet.low_balance to the app. */
@IntegrationTest
class LowBalanceEventIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired TestEventReceiver receiver;

    @Test
    void crossingTheThresholdSendsWalletLowBalance() {
        UsageTraffic traffic = new UsageTraffic(api, fixtures, funding);
        UsageTraffic.Billed billed = traffic.billed("100");
        assertThat(traffic.putPolicy(billed, UsageTraffic.policy("all_members", null, false, "50")).status())
                .isEqualTo(200);

        traffic.charge(billed, "60");

        JsonNode data = receiver.awaitEvent(billed.org().toString(), "wallet.low_balance").path("data");
        assertThat(data.path("balance").asString()).isEqualTo("40");
        assertThat(data.path("threshold").asString()).isEqualTo("50");
    }
}
