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
 */
@ConfigurationProperties("getpaidx.billing")
public record BillingProperties(
        @DefaultValue("5s") Duration inboxRetryInterval,
        @DefaultValue("5s") Duration inboxRetryBase,
        @DefaultValue("30m") Duration inboxRetryMax,
        @DefaultValue("60s") Duration inboxGrace,
        @DefaultValue("20") int inboxMaxAttempts) {

    public BillingProperties {
        if (inboxMaxAttempts < 1) {
            throw new IllegalArgumentException("getpaidx.billing.inbox-max-attempts must be at least 1");
        }
    }
}
