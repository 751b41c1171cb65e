package com.getpaidx.orgs.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl how long an API token lives
 * @param loginFailureLimit failed sign-ins for one email before it is refused for a while
 * @param loginFailureWindow the window in which failures count, and how long the refusal lasts
 * @param passwordHashStrength BCrypt's log2 work factor for new password hashes (tests lower it for speed)
 * @param emailVerificationTtl how long an email verification link works
 */
@ConfigurationProperties("getpaidx.accounts")
public record AccountProperties(
        @DefaultValue("30d") Duration tokenTtl,
        @DefaultValue("5") int loginFailureLimit,
        @DefaultValue("15m") Duration loginFailureWindow,
        @DefaultValue("10") int passwordHashStrength,
        @DefaultValue("24h") Duration emailVerificationTtl) {
}
