package com.getpaidx.orgs.reliability;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank test (see {@link Bank}) at CI size on the suite's service; bench/soak runs the same test with
 * {@code -Dbank.operations=1000000} and more actors. A violation fails the build.
 */
@IntegrationTest
class BankIntegrationTests {

    @Autowired Api api;
    @Autowired DataSource dataSource;
    @Autowired Fixtures fixtures;

    @Test
    void everyInvariantHoldsUnderConcurrentMixedTraffic() throws Exception {
        Client client = new Client(api.baseUrl(), api.serviceToken(), Duration.ofSeconds(30),
                user -> fixtures.verifyEmail(new Api.User(user.id(), user.email(), user.token())));
        Bank.Outcome outcome = Bank.fromProperties(List.of(client), dataSource::getConnection).run();
        System.out.println(outcome.result());
        assertThat(outcome.violations()).as(outcome.result()).isEmpty();
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.book().acked).as("charged events").isNotEmpty();
        assertThat(outcome.book().refused).as("refused events").isNotEmpty();
    }
}
