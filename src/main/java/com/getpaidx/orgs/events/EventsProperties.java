package com.getpaidx.orgs.events;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.getpaidx.orgs.shared.Backoff;

/**
 * Outgoing events (Standard Webhooks). Without endpoints nothing is written or sent.
 *
 * @param endpoints where every event is posted, each with its own signing secret
 * @param pollInterval pause between two looks for due deliveries (the sender's {@code @Scheduled} reads the property itself)
 * @param retryBase delay before the second attempt; each further failure doubles it
 * @param retryMax the longest delay between two attempts
 * @param giveUpAfter how long after the event a delivery keeps being retried; then it is {@code dead}
 * @param timeout how long an endpoint has to answer 2xx before the attempt counts as failed
 * @param batchSize deliveries claimed per look
 * @param claimLease how long a claimed delivery is left to its sender before another instance may take it over;
 *        longer than a whole batch of timeouts, so a slow endpoint is not sent one event twice at once
 * @param keepDelivered how long a delivered event (its body and attempts) is kept after delivery; a dead one is kept
 */
@ConfigurationProperties("getpaidx.events")
public record EventsProperties(
        @DefaultValue List<Endpoint> endpoints,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration retryBase,
        @DefaultValue("10h") Duration retryMax,
        @DefaultValue("3d") Duration giveUpAfter,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5m") Duration claimLease,
        @DefaultValue("30d") Duration keepDelivered) {

    static final String SECRET_PREFIX = "whsec_";

    public EventsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("getpaidx.events.batch-size must be at least 1");
        }
        if (retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("getpaidx.events.retry-base must be positive and at most retry-max");
        }
        endpoints = List.copyOf(endpoints);
    }

    /**
     * One receiver of every event.
     *
     * @param url where events are posted ({@code http} or {@code https})
     * @param secret the signing key as Standard Webhooks writes it: {@code whsec_} and base64
     */
    public record Endpoint(String url, String secret) {

        public Endpoint {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new IllegalArgumentException("getpaidx.events.endpoints[].url must be an http(s) URL");
            }
            if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
                throw new IllegalArgumentException("getpaidx.events.endpoints[].secret must start with whsec_");
            }
            if (decodedLength(secret) < 16) {
                throw new IllegalArgumentException(
                        "getpaidx.events.endpoints[].secret must be whsec_ and base64 of at least 16 bytes");
            }
        }

        private static int decodedLength(String secret) {
            try {
                return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            }
            catch (IllegalArgumentException notBase64) {
                return -1;
            }
        }

        /** The HMAC key: the base64 after {@code whsec_}, decoded. */
        public byte[] key() {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        }

        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", secret=(hidden)]";
        }
    }

    /** The wait after the given number of failed attempts (1 = the first failure): exponential, capped. */
    public Duration retryDelay(int failedAttempts) {
        return new Backoff(retryBase, retryMax).delay(failedAttempts);
    }
}
