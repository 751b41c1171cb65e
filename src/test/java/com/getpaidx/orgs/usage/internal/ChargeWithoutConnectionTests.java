package com.getpaidx.orgs.usage.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.internal.BatchCharger.Commit;
import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When no database connection can be had, nothing of a batch was written: each event is answered
 * {@code usage_timeout} (503, retry with the same eventId) at once, and no event is tried again on its own,
 * which would hold the lane for the pool's timeout once per event.
 */
@IntegrationTest
class ChargeWithoutConnectionTests {

    @Autowired DataSource dataSource;
    @Autowired DueAlerts alerts;
    @Autowired UsageMetrics metrics;

    private static List<Pending> events(int n) {
        List<Pending> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(GroupCommitterTests.event("no-connection-" + UUID.randomUUID()));
        }
        return events;
    }

    @Test
    void aBatchThatGetsNoConnectionAsksForOneOnceAndAnswersEveryEventNotTaken() throws SQLException {
        HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
        try (HikariDataSource single = new HikariDataSource()) {
            single.setJdbcUrl(shared.getJdbcUrl());
            single.setUsername(shared.getUsername());
            single.setPassword(shared.getPassword());
            single.setMaximumPoolSize(1);
            single.setConnectionTimeout(250);
            AtomicInteger asked = new AtomicInteger();
            DataSource counting = new DelegatingDataSource(single) {
                @Override
                public Connection getConnection() throws SQLException {
                    asked.incrementAndGet();
                    return super.getConnection();
                }
            };
            UsageCharges charges = new UsageCharges(new JdbcChargeRepository(JdbcClient.create(counting)), alerts,
                    Clock.systemUTC(), metrics);
            List<Pending> events = events(3);

            try (Connection held = single.getConnection()) {
                assertThat(charges.charge(events, Commit.DURABLE)).extracting(UsageOutcome::code)
                        .containsExactly("usage_timeout", "usage_timeout", "usage_timeout");
                assertThat(asked).as("asked for a connection once, not once more per event").hasValue(1);
            }

            // nothing was written: with a connection, the same events are judged afresh (unknown workspaces here)
            assertThat(charges.charge(events, Commit.DURABLE)).extracting(UsageOutcome::code)
                    .containsExactly("workspace_not_found", "workspace_not_found", "workspace_not_found");
        }
    }

    @Test
    void aBatchRetriedOneByOneStopsTryingOnceNoConnectionCanBeHad() {
        List<Integer> tried = new ArrayList<>();
        JdbcChargeRepository failing = new JdbcChargeRepository(JdbcClient.create(dataSource)) {
            @Override
            Charged charge(List<Pending> events, Instant now, Commit commit) {
                tried.add(events.size());
                if (events.size() > 1) {
                    throw new IllegalStateException("the batch's statement failed");
                }
                throw new CannotGetJdbcConnectionException("the pool timed out");
            }
        };
        UsageCharges charges = new UsageCharges(failing, alerts, Clock.systemUTC(), metrics);

        assertThat(charges.charge(events(4), Commit.DURABLE)).extracting(UsageOutcome::code)
                .containsExactly("usage_timeout", "usage_timeout", "usage_timeout", "usage_timeout");
        assertThat(tried).as("the batch, then its first event alone").containsExactly(4, 1);
    }
}
