package com.getpaidx.orgs.billing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param inboxRetryInterval how often unprocessed provider events are looked for
 * @param inboxRetryBase first retry delay of a failed event; doubles per attempt
 * @param inboxRetryMax longest retry delay
 * @param inboxGrace how long a just-received event is left to the request that received it
 * @param inboxMaxAttempts processing attempts of an event before it is marked dead and left to an operator
 * @param keepProcessed how long a processed provider event is kept, and so recognised if delivered again; at least
 *        30 days, the time Stripe keeps an event and may send it again; a dead one is kept
 */
@ConfigurationProperties("getpaidx.billing")
public record BillingProperties(
        @DefaultValue("5s") Duration inboxRetryInterval,
        @DefaultValue("5s") Duration inboxRetryBase,
        @DefaultValue("30m") Duration inboxRetryMax,
        @DefaultValue("60s") Duration inboxGrace,
        @DefaultValue("20") int inboxMaxAttempts,
        @DefaultValue("90d") Duration keepProcessed) {

    public BillingProperties {
        if (inboxMaxAttempts < 1) {
            throw new IllegalArgumentException("getpaidx.billing.inbox-max-attempts must be at least 1");
        }
        if (keepProcessed.compareTo(Duration.ofDays(30)) < 0) {
            throw new IllegalArgumentException("getpaidx.billing.keep-processed must be at least 30d: Stripe may send an event again for 30 days");
        }
    }
}
