package com.getpaidx.orgs.billing.stripe;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.WebhookVerifier;
import com.stripe.StripeClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter's beans exist only with their secrets, so without them the sandbox is the provider. */
class StripeConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(StripeConfiguration.class, Properties.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void withoutSecretsThereIsNoStripeAdapter() {
        context.withPropertyValues("getpaidx.stripe.secret-key=", "getpaidx.stripe.webhook-secret=  ")
                .run(app -> assertThat(app).hasNotFailed()
                        .doesNotHaveBean(StripeClient.class)
                        .doesNotHaveBean(PaymentProvider.class)
                        .doesNotHaveBean(WebhookVerifier.class));
    }

    @Test
    void aSecretKeyBringsTheProvider() {
        context.withPropertyValues("getpaidx.stripe.secret-key=sk_test_123", "getpaidx.stripe.api-base=http://127.0.0.1:1")
                .run(app -> {
                    assertThat(app).hasSingleBean(StripeClient.class).doesNotHaveBean(WebhookVerifier.class);
                    assertThat(app.getBean(PaymentProvider.class).name()).isEqualTo("stripe");
                });
    }

    @Test
    void aWebhookSecretBringsTheVerifier() {
        context.withPropertyValues("getpaidx.stripe.webhook-secret=whsec_123")
                .run(app -> assertThat(app).hasSingleBean(StripeWebhookVerifier.class)
                        .doesNotHaveBean(PaymentProvider.class));
    }

    @EnableConfigurationProperties(StripeProperties.class)
    static class Properties {
    }
}
