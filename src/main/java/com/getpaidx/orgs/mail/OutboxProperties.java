package com.getpaidx.orgs.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.getpaidx.orgs.shared.Backoff;

/**
 * The outbox sender's settings. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} nothing is queued.
 *
 * @param from the sender address of every mail
 * @param pollInterval pause between two looks for due mail (the sender's {@code @Scheduled} reads the property itself)
 * @param retryBase delay before the second attempt; each further failure doubles it
 * @param retryMax the longest delay between two attempts
 * @param batchSize mails claimed per look
 * @param claimLease how long a claimed mail is left to its sender before another instance may take it
 *        over; longer than sending a whole batch can take, so a slow send is never doubled
 * @param maxAttempts attempts to send a mail before it is marked dead (its bodies erased) and left to an operator
 * @param keepSent how long a sent mail's row (recipient, subject, times) is kept; a dead one is kept until an operator acts
 */
@ConfigurationProperties("getpaidx.mail")
public record OutboxProperties(
        @DefaultValue("GetPaidX <no-reply@getpaidx.local>") String from,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2s") Duration retryBase,
        @DefaultValue("10m") Duration retryMax,
        @DefaultValue("20") int batchSize,
        @DefaultValue("15m") Duration claimLease,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("30d") Duration keepSent) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("getpaidx.mail.batch-size must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("getpaidx.mail.max-attempts must be at least 1");
        }
        if (retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("getpaidx.mail.retry-base must be positive and at most retry-max");
        }
    }

    /** The wait after the given number of failed attempts (1 = the first failure): exponential, capped. */
    public Duration retryDelay(int failedAttempts) {
        return new Backoff(retryBase, retryMax).delay(failedAttempts);
    }
}
