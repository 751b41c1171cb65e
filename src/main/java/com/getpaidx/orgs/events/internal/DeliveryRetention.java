package com.getpaidx.orgs.events.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.getpaidx.orgs.events.EventsProperties;
import com.getpaidx.orgs.shared.retention.ExpiringRows;

/**
 * A delivered event (its body and its attempts' record) expires {@code getpaidx.events.keep-delivered} after delivery;
 * pending and dead ones never do.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetention {

    @Bean
    ExpiringRows deliveredEvents(EventsProperties properties) {
        return new ExpiringRows("event_delivery", "org_id, id", "delivered_at", properties.keepDelivered());
    }
}
