package com.getpaidx.orgs.mail;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.Scrape;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Mail that waits shows on the scrape as pending, with the age of the oldest; sent, it leaves both. */
@IntegrationTest
class MailOutboxMetricsIntegrationTests {

    @Autowired MailOutbox outbox;
    @Autowired TestMailServer mailServer;
    @Autowired TransactionTemplate transactions;
    @Autowired MutableClock clock;
    @Autowired Api api;

    @AfterEach
    void restore() {
        mailServer.start();
        clock.reset();
    }

    @Test
    void mailWaitingForTheServerIsPendingAndAgesThenLeaves() {
        String recipient = "waiting-" + UUID.randomUUID() + "@example.test";
        mailServer.stop();
        transactions.execute(tx -> outbox.enqueue(new OutgoingMail(recipient, "Hello", "text", "<p>html</p>")));
        clock.advance(Duration.ofMinutes(10));

        Scrape waiting = await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(api),
                scrape -> scrape.value("getpaidx_mail_outbox_oldest_seconds") >= 600);
        assertThat(waiting.value("getpaidx_mail_outbox_pending")).isGreaterThanOrEqualTo(1);

        mailServer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofMinutes(10)); // past the retry delay of the failed attempts
            return mailServer.messagesTo(recipient).size();
        }, sent -> sent == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Scrape.of(api)
                .value("getpaidx_mail_outbox_pending")).isLessThan(waiting.value("getpaidx_mail_outbox_pending")));
    }
}
