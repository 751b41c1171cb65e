package com.getpaidx.orgs.shared.retention;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.billing.BillingProperties;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the retention settings refuse: a processed payment event kept less than Stripe's 30 days, a zero keeping, an empty batch, no batch a sweep. */
class RetentionSettingsTests {

    private static BillingProperties keepingProcessed(Duration keep) {
        return new BillingProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofSeconds(60), 20, keep);
    }

    @Test
    void aProcessedPaymentEventIsKeptAtLeastThirtyDays() {
        assertThatCode(() -> keepingProcessed(Duration.ofDays(30))).doesNotThrowAnyException();
        assertThatThrownBy(() -> keepingProcessed(Duration.ofDays(29))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getpaidx.billing.keep-processed");
    }

    @Test
    void rowsAreKeptForAPositiveTime() {
        assertThatThrownBy(() -> new ExpiringRows("mail_outbox", "id", "sent_at", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mail_outbox");
        assertThatThrownBy(() -> new ExpiringRows("mail_outbox", "id", "sent_at", Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSweepDeletesAtLeastOneRowAStatement() {
        assertThatThrownBy(() -> new RetentionProperties(Duration.ofHours(1), 0, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getpaidx.retention.batch-size");
        assertThatThrownBy(() -> new RetentionProperties(Duration.ofHours(1), 1000, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getpaidx.retention.max-batches");
    }
}
