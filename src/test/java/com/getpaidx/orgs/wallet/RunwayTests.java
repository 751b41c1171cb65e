package com.getpaidx.orgs.wallet;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.shared.Credits;

import static org.assertj.core.api.Assertions.assertThat;

class RunwayTests {

    @Test
    void theBalanceLastsWholeDaysAtTheLastWeeksAverageSpend() {
        Runway runway = Runway.of(Credits.parse("483.75"), Credits.parse("16.25")).orElseThrow();

        assertThat(runway.dailyAverage()).isEqualTo(Credits.parse("2.321428"));
        assertThat(runway.days()).isEqualTo(208);
    }

    @Test
    void withoutSpendThereIsNoRunwayAndAnEmptyWalletHasNone() {
        assertThat(Runway.of(Credits.parse("100"), Credits.parse("0"))).isEmpty();
        assertThat(Runway.of(Credits.parse("0"), Credits.parse("7")).orElseThrow().days()).isZero();
    }
}
