package com.getpaidx.orgs.account.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.getpaidx.orgs.account.AccountProperties;
import com.getpaidx.orgs.shared.retention.ExpiringRows;

/**
 * An email's sign-in attempts expire once the newest has left {@code getpaidx.accounts.login-failure-window}: the
 * throttle counts none of them any more, so the row only takes space (a guesser at random addresses leaves one each).
 */
@Configuration(proxyBeanMethods = false)
class LoginAttemptRetention {

    @Bean
    ExpiringRows staleLoginAttempts(AccountProperties properties) {
        return new ExpiringRows("login_attempt", "email", "attempts[cardinality(attempts)]", properties.loginFailureWindow());
    }
}
