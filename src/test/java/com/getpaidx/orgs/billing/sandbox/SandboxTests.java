package com.getpaidx.orgs.billing.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.getpaidx.orgs.shared.GetPaidXProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SandboxTests {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnPaymentSandbox
    static class SandboxPart {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SandboxPart.class);

    @Test
    void theSandboxIsThereWhenNoStripeKeyIsSet() {
        runner.run(context -> assertThat(context).hasSingleBean(SandboxPart.class));
        runner.withPropertyValues("getpaidx.stripe.secret-key=")
                .run(context -> assertThat(context).hasSingleBean(SandboxPart.class));
        runner.withPropertyValues("getpaidx.stripe.secret-key=   ")
                .run(context -> assertThat(context).hasSingleBean(SandboxPart.class));
    }

    @Test
    void noPartOfTheSandboxExistsBesideStripe() {
        runner.withPropertyValues("getpaidx.stripe.secret-key=sk_test_123")
                .run(context -> assertThat(context).doesNotHaveBean(SandboxPart.class));
    }

    @Test
    void productionRefusesTheSandbox() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new SandboxPaymentProvider(null, null, null, properties("production"), Clock.systemUTC()))
                .withMessageContaining("STRIPE_SECRET_KEY");
        assertThat(new SandboxPaymentProvider(null, null, null, properties("local"), Clock.systemUTC()).name()).isEqualTo("sandbox");
    }

    @Test
    void amountsShowInTheCurrencysMajorUnit() {
        assertThat(session(1250, "eur").amountText()).isEqualTo("12.50");
        assertThat(session(5, "usd").amountText()).isEqualTo("0.05");
        assertThat(session(1200, "jpy").amountText()).isEqualTo("1200");
        assertThat(session(1200, "jpy").currencyCode()).isEqualTo("JPY");
    }

    @Test
    void eventIdsCarryTheirKey() {
        UUID key = UUID.randomUUID();
        assertThat(SandboxIds.eventKey(SandboxIds.event(key))).hasValue(key);
        assertThat(SandboxIds.eventKey("evt_sbx_nope")).isEmpty();
        assertThat(SandboxIds.eventKey("evt_sbx_" + SandboxIds.event(key).substring(8).toUpperCase())).isEmpty();
    }

    private static GetPaidXProperties properties(String environment) {
        return new GetPaidXProperties(environment, URI.create("http://localhost:8080"), null, Path.of(".data/service-token"));
    }

    private static SandboxSession session(long amountMinor, String currency) {
        return new SandboxSession("cs_sbx_1", "payment", "cus_sbx_1", "open", "unpaid", null, Map.of(),
                amountMinor, currency, "credits", null, null, null, null, "http://localhost/ok", "http://localhost/cancel", null);
    }
}
