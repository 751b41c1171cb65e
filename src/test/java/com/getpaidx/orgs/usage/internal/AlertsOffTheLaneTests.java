package com.getpaidx.orgs.usage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.UsageOutcome;
import com.getpaidx.orgs.usage.internal.BatchCharger.Commit;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.Charged;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.Crossing;
import com.getpaidx.orgs.usage.internal.JdbcChargeRepository.EventRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A charge that takes a balance below its threshold is answered without waiting for the alert's transaction
 * (mails, audit): the alert goes out on the alerts' own thread, so the lane, which serves every org, and the
 * flush, which answers deferred batches, never wait for it. Sends asked for while one is queued share it.
 */
class AlertsOffTheLaneTests {

    private static final OrgId ORG = new OrgId(UUID.randomUUID());

    /** Sending blocks until released, and records the thread it ran on. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch began = new CountDownLatch(1);
    private final AtomicReference<String> sentOn = new AtomicReference<>();
    private final AtomicInteger sends = new AtomicInteger();
    private final DueAlerts alerts = new DueAlerts(null, null, null) {
        @Override
        void send() {
            sends.incrementAndGet();
            sentOn.set(Thread.currentThread().getName());
            began.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    };

    /** Every charge accepts its events and crosses the threshold of 50. */
    private final JdbcChargeRepository crossing = new JdbcChargeRepository(null) {
        @Override
        Charged charge(List<Pending> events, Instant now, Commit commit) {
            return new Charged(events.stream().map(e -> new EventRow("accepted", null, ORG, Credits.ofWhole(40))).toList(),
                    List.of(new Crossing(ORG, Credits.ofWhole(50), Credits.ofWhole(60), Credits.ofWhole(40))));
        }

        @Override
        void flush() {
        }
    };

    private final UsageCharges charges = new UsageCharges(crossing, alerts, Clock.systemUTC(), new UsageMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void releaseAndStop() {
        release.countDown();
        alerts.destroy();
    }

    @ParameterizedTest
    @EnumSource(Commit.class)
    void aCrossingChargeIsAnsweredWhileItsAlertIsStillBeingSent(Commit commit) throws Exception {
        CompletableFuture<List<UsageOutcome>> answered = CompletableFuture.supplyAsync(() -> {
            List<UsageOutcome> outcomes = charges.charge(List.of(GroupCommitterTests.event("alert-" + UUID.randomUUID())), commit);
            if (commit == Commit.DEFERRED) {
                charges.flush(); // a deferred batch's alerts are due with the flush that puts it on disk
            }
            return outcomes;
        });

        assertThat(began.await(10, TimeUnit.SECONDS)).as("the alert is sent").isTrue();
        assertThat(answered.get(5, TimeUnit.SECONDS)).as("answered while the alert is still being sent")
                .extracting(UsageOutcome::status).containsExactly(UsageOutcome.Status.ACCEPTED);
        assertThat(sentOn.get()).isEqualTo("usage-alerts");
    }

    @Test
    void aCrossingChargeOnceTheAlertsThreadIsGoneIsStillAnsweredAsCharged() {
        alerts.destroy(); // the context is closing: the crossing's row waits for the next start's sweep

        assertThat(charges.charge(List.of(GroupCommitterTests.event("alert-" + UUID.randomUUID())), Commit.DURABLE))
                .extracting(UsageOutcome::status).containsExactly(UsageOutcome.Status.ACCEPTED);
        assertThat(sends).hasValue(0);
    }

    @Test
    void sendsAskedForWhileOneIsQueuedShareIt() throws Exception {
        alerts.sendSoon();
        assertThat(began.await(10, TimeUnit.SECONDS)).isTrue();
        // the first send is under way (it will not see crossings committed from now on): one more is queued for them
        alerts.sendSoon();
        alerts.sendSoon();
        alerts.sendSoon();
        release.countDown();

        // the one under way, and one for every crossing asked for since; no third comes after them
        await().atMost(Duration.ofSeconds(10)).until(() -> sends.get() >= 2);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> sends.get() == 2);
    }
}
