package com.getpaidx.orgs.billing.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.getpaidx.orgs.billing.BillingProperties;
import com.getpaidx.orgs.shared.retention.ExpiringRows;

/**
 * A processed provider event expires {@code getpaidx.billing.keep-processed} after processing (at least the 30 days in
 * which Stripe may send it again, so a late duplicate is still recognised); unprocessed and dead events never do.
 * Its effects stay: the wallet entry, the top-up, the subscription.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventRetention {

    @Bean
    ExpiringRows processedPaymentEvents(BillingProperties properties) {
        return new ExpiringRows("payment_event", "event_id", "processed_at", properties.keepProcessed());
    }
}
