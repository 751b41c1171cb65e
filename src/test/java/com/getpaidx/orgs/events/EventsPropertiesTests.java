package com.getpaidx.orgs.events;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default retry schedule (about 5 s, doubling, up to three days) and the secret's form. */
class EventsPropertiesTests {

    private static EventsProperties defaults() {
        return new EventsProperties(List.of(), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofHours(10),
                Duration.ofDays(3), Duration.ofSeconds(10), 20, Duration.ofMinutes(5), Duration.ofDays(30));
    }

    @Test
    void theScheduleStartsAtFiveSecondsDoublesAndIsCappedAtTenHours() {
        EventsProperties properties = defaults();
        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.retryDelay(13)).isEqualTo(Duration.ofSeconds(20480));
        assertThat(properties.retryDelay(14)).isEqualTo(Duration.ofHours(10));
        assertThat(properties.retryDelay(40)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void aDeliveryIsTriedAboutTwentyTimesWithinThreeDays() {
        EventsProperties properties = defaults();
        Duration elapsed = Duration.ZERO;
        int attempts = 1;
        while (!elapsed.plus(properties.retryDelay(attempts)).minus(properties.giveUpAfter()).isPositive()) {
            elapsed = elapsed.plus(properties.retryDelay(attempts));
            attempts++;
        }
        assertThat(attempts).isBetween(18, 21);
        assertThat(elapsed).isBetween(Duration.ofDays(2), Duration.ofDays(3));
    }

    @Test
    void aSecretIsWhsecAndBase64AndHiddenInToString() {
        var endpoint = new EventsProperties.Endpoint("https://app.example/hooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(endpoint.key()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(endpoint.toString()).doesNotContain("MfKQ9r8");
        assertThatThrownBy(() -> new EventsProperties.Endpoint("https://app.example/hooks", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventsProperties.Endpoint("https://app.example/hooks", "whsec_not*base64"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventsProperties.Endpoint("ftp://app.example", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
