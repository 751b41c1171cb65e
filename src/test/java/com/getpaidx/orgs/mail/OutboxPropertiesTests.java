package com.getpaidx.orgs.mail;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxPropertiesTests {

    private final OutboxProperties properties = new OutboxProperties("GetPaidX <no-reply@getpaidx.local>",
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(10), 20, Duration.ofMinutes(15), 10, Duration.ofDays(30));

    @Test
    void retryDelayDoublesFromTheBase() {
        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.retryDelay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(properties.retryDelay(8)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void retryDelayStopsGrowingAtTheMaximum() {
        assertThat(properties.retryDelay(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(properties.retryDelay(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.retryDelay(1_000_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aBatchHoldsAtLeastOneMail() {
        assertThatThrownBy(() -> new OutboxProperties("x@example.test", Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMinutes(10), 0, Duration.ofMinutes(15), 10, Duration.ofDays(30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMailHasAtLeastOneAttempt() {
        assertThatThrownBy(() -> new OutboxProperties("x@example.test", Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMinutes(10), 20, Duration.ofMinutes(15), 0, Duration.ofDays(30))).isInstanceOf(IllegalArgumentException.class);
    }
}
