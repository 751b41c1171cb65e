package com.getpaidx.orgs.billing.stripe;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.stripe.StripeClient;

/**
 * The Stripe adapter, active only when its secrets are set: {@code getpaidx.stripe.secret-key} brings the
 * {@link StripePaymentProvider} (otherwise the sandbox is the provider), {@code getpaidx.stripe.webhook-secret}
 * brings the {@link StripeWebhookVerifier}. {@link StripeProperties} is bound by the application's
 * properties scan.
 */
@Configuration(proxyBeanMethods = false)
public class StripeConfiguration {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    /** Safe because every create carries an idempotency key: a retried create returns the first result. */
    static final int NETWORK_RETRIES = 1;

    @Bean
    @Conditional(SecretKeySet.class)
    StripeClient stripeClient(StripeProperties properties) {
        return newClient(properties.secretKey(), properties.apiBase(), READ_TIMEOUT);
    }

    @Bean
    @Conditional(SecretKeySet.class)
    StripePaymentProvider stripePaymentProvider(StripeClient stripeClient) {
        return new StripePaymentProvider(stripeClient);
    }

    @Bean
    @Conditional(WebhookSecretSet.class)
    StripeWebhookVerifier stripeWebhookVerifier(StripeProperties properties, Clock clock) {
        return new StripeWebhookVerifier(properties.webhookSecret(), properties.webhookTolerance(), clock);
    }

    static StripeClient newClient(String secretKey, URI apiBase, Duration readTimeout) {
        String base = apiBase.toString();
        return StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .setConnectTimeout(Math.toIntExact(CONNECT_TIMEOUT.toMillis()))
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .build();
    }

    /** Matches when {@code getpaidx.stripe.secret-key} is set and not blank. */
    public static final class SecretKeySet extends PropertyHasText {

        public SecretKeySet() {
            super("getpaidx.stripe.secret-key");
        }
    }

    /** Matches when {@code getpaidx.stripe.webhook-secret} is set and not blank. */
    public static final class WebhookSecretSet extends PropertyHasText {

        public WebhookSecretSet() {
            super("getpaidx.stripe.webhook-secret");
        }
    }

    abstract static class PropertyHasText extends SpringBootCondition {

        private final String property;

        PropertyHasText(String property) {
            this.property = property;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(property))
                    ? ConditionOutcome.match(property + " is set")
                    : ConditionOutcome.noMatch(property + " is blank");
        }
    }
}
