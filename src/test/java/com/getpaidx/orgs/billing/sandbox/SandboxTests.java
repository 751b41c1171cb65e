package com.getpaidx.orgs.billing.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import com.getpaidx.orgs.shared.GetPaidXProperties;
import com.getpaidx.orgs.shared.StartupRefused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
        var production = new MockEnvironment().withProperty("getpaidx.environment", "production")
                .withProperty("server.address", "127.0.0.1").withProperty(SandboxExposure.OPT_IN, "true");
        assertThatExceptionOfType(StartupRefused.class)
                .isThrownBy(() -> new SandboxPaymentProvider(null, null, null, properties("production"), Clock.systemUTC(), production))
                .withMessageContaining("production")
                .satisfies(e -> assertThat(e.action()).contains("STRIPE_SECRET_KEY"));
        assertThat(new SandboxPaymentProvider(null, null, null, properties("local"), Clock.systemUTC(), bound("127.0.0.1")).name())
                .isEqualTo("sandbox");
    }

    @Test
    void theSandboxRunsOnLoopbackOnly() {
        assertThat(SandboxExposure.judge(bound("127.0.0.1"))).isEqualTo(SandboxExposure.LOOPBACK);
        assertThat(SandboxExposure.judge(bound("localhost"))).isEqualTo(SandboxExposure.LOOPBACK);
        assertThat(SandboxExposure.judge(bound("::1"))).isEqualTo(SandboxExposure.LOOPBACK);
        for (String network : new String[] { "0.0.0.0", "", "192.168.1.20", "::", "no-such-host.invalid" }) {
            assertThatExceptionOfType(StartupRefused.class).as(network)
                    .isThrownBy(() -> SandboxExposure.judge(bound(network)))
                    .withMessageContaining("would face the network")
                    .satisfies(e -> assertThat(e.action()).contains(SandboxExposure.OPT_IN + "=true"));
        }
        assertThatExceptionOfType(StartupRefused.class).as("server.address unset = every interface")
                .isThrownBy(() -> SandboxExposure.judge(new MockEnvironment()))
                .withMessageContaining("every interface");
    }

    @Test
    void aNetworkFacingSandboxNeedsItsOwnExplicitSetting() {
        assertThat(SandboxExposure.judge(bound("0.0.0.0").withProperty(SandboxExposure.OPT_IN, "true")))
                .isEqualTo(SandboxExposure.NETWORK);
        assertThatExceptionOfType(StartupRefused.class)
                .isThrownBy(() -> SandboxExposure.judge(bound("127.0.0.1").withProperty(SandboxExposure.OPT_IN, "false")))
                .withMessageContaining("turned off");
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

    private static MockEnvironment bound(String address) {
        return new MockEnvironment().withProperty("server.address", address);
    }

    private static GetPaidXProperties properties(String environment) {
        return new GetPaidXProperties(environment, URI.create("http://localhost:8080"), null, Path.of(".data/service-token"));
    }

    private static SandboxSession session(long amountMinor, String currency) {
        return new SandboxSession("cs_sbx_1", "payment", "cus_sbx_1", "open", "unpaid", null, Map.of(),
                amountMinor, currency, "credits", null, null, null, null, "http://localhost/ok", "http://localhost/cancel", null);
    }
}
