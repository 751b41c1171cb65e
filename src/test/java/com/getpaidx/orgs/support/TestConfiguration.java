package com.getpaidx.orgs.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
public class TestConfiguration {

    /** The one clock of the application under test; tests move it to reach expiry and time windows. */
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    Fixtures fixtures(Api api, com.getpaidx.orgs.membership.MembershipManagement memberships,
            TestMailServer mail, com.getpaidx.orgs.account.AccountManagement accounts,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        return new Fixtures(api, memberships, mail, accounts, transactions);
    }

    /** The SMTP server {@code spring.mail.*} points at in the test profile, up for the context's lifetime. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    TestMailServer testMailServer(org.springframework.core.env.Environment environment) {
        return new TestMailServer(environment.getRequiredProperty(FreeSmtpPort.PROPERTY, Integer.class));
    }

    /** The app's event endpoint {@code getpaidx.events.endpoints[0]} points at in the test profile. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    TestEventReceiver testEventReceiver(org.springframework.core.env.Environment environment) {
        return new TestEventReceiver(environment.getRequiredProperty(TestEventReceiver.FreePort.PROPERTY, Integer.class));
    }

    /** The GetPaidX app's identity provider, on its own loopback port, up for the context's lifetime. */
    @Bean(initMethod = "start", destroyMethod = "close")
    IdentityProvider identityProvider(org.springframework.core.env.Environment environment) {
        return new IdentityProvider(environment.getRequiredProperty(IdentityProviderPort.PROPERTY, Integer.class));
    }

    @Bean
    Funding funding(Api api, com.getpaidx.orgs.wallet.internal.Ledger ledger,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        return new Funding(api, ledger, transactions);
    }

    @Bean
    Api api(org.springframework.core.env.Environment environment) {
        return new Api(environment);
    }
}
