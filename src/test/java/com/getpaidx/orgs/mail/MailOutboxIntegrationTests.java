package com.getpaidx.orgs.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.mail.internal.JdbcMailOutboxRepository;
import com.getpaidx.orgs.mail.internal.JdbcMailOutboxRepository.ClaimedMail;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class MailOutboxIntegrationTests {

    @Autowired MailOutbox outbox;
    @Autowired JdbcMailOutboxRepository repository;
    @Autowired TestMailServer mailServer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    record Row(int attempts, String lastError, Instant sentAt, String textBody) {
    }

    @AfterEach
    void mailServerIsUpAgain() {
        mailServer.start();
    }

    private static String uniqueRecipient() {
        return "mail-" + UUID.randomUUID() + "@example.test";
    }

    private static OutgoingMail mailTo(String recipient) {
        return new OutgoingMail(recipient, "You are invited to Acme", "Join Acme: https://example.test/accept",
                "<p>Join <a href=\"https://example.test/accept\">Acme</a></p>");
    }

    private EmailDelivery enqueueCommitted(OutgoingMail mail) {
        return transactions.execute(status -> outbox.enqueue(mail));
    }

    private List<Row> rowsTo(String recipient) {
        return jdbc.sql("SELECT attempts, last_error, sent_at, text_body FROM mail_outbox WHERE recipient = :recipient")
                .param("recipient", recipient)
                .query((rs, n) -> new Row(rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("text_body")))
                .list();
    }

    private Row awaitRowTo(String recipient, Predicate<Row> condition) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> rowsTo(recipient), rows -> rows.size() == 1 && condition.test(rows.getFirst()))
                .getFirst();
    }

    @Test
    void queuedMailArrivesAsPlainTextAndHtmlAlternatives() throws Exception {
        String recipient = uniqueRecipient();

        assertThat(enqueueCommitted(mailTo(recipient))).isEqualTo(EmailDelivery.QUEUED);

        MimeMessage received = mailServer.awaitMessagesTo(recipient, 1).getFirst();
        assertThat(received.getSubject()).isEqualTo("You are invited to Acme");
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(address -> ((InternetAddress) address).getAddress()).containsExactly(recipient);
        assertThat(received.getFrom()).extracting(Object::toString).containsExactly("GetPaidX <no-reply@getpaidx.local>");
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(((String) text.getContent()).strip()).isEqualTo("Join Acme: https://example.test/accept");
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(((String) html.getContent()).strip()).isEqualTo("<p>Join <a href=\"https://example.test/accept\">Acme</a></p>");
    }

    @Test
    void sentMailIsMarkedSentAndItsBodyErased() {
        String recipient = uniqueRecipient();
        enqueueCommitted(mailTo(recipient));

        Row sent = awaitRowTo(recipient, row -> row.sentAt() != null);

        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.textBody()).as("an invitation link must not outlive its delivery").isNull();
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        String rolledBack = uniqueRecipient();
        String committed = uniqueRecipient();

        transactions.executeWithoutResult(status -> {
            outbox.enqueue(mailTo(rolledBack));
            status.setRollbackOnly();
        });
        enqueueCommitted(mailTo(committed));

        mailServer.awaitMessagesTo(committed, 1);
        assertThat(rowsTo(rolledBack)).isEmpty();
        assertThat(mailServer.messagesTo(rolledBack)).isEmpty();
    }

    @Test
    void mailQueuedWhileTheServerIsDownIsRetriedAndArrivesExactlyOnce() {
        String recipient = uniqueRecipient();
        mailServer.stop();

        enqueueCommitted(mailTo(recipient));
        Row failing = awaitRowTo(recipient, row -> row.attempts() > 1 && row.lastError() != null);
        assertThat(failing.sentAt()).isNull();
        assertThat(failing.textBody()).as("nothing is lost while the server is down").isNotNull();
        assertThat(failing.lastError()).hasSizeLessThanOrEqualTo(1000).containsIgnoringCase("connect");

        mailServer.start();

        awaitRowTo(recipient, row -> row.sentAt() != null);
        // a sent row is never claimed again, so what has arrived by now is all that ever will
        assertThat(mailServer.messagesTo(recipient)).hasSize(1);
    }

    @Test
    void enqueueingOutsideATransactionIsRefused() {
        String recipient = uniqueRecipient();

        assertThatThrownBy(() -> outbox.enqueue(mailTo(recipient))).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rowsTo(recipient)).isEmpty();
    }

    @Test
    void withoutAMailServerNothingIsQueued() {
        MailOutbox unconfigured = new MailOutbox(repository,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), clock);
        String recipient = uniqueRecipient();

        EmailDelivery delivery = transactions.execute(status -> unconfigured.enqueue(mailTo(recipient)));

        assertThat(unconfigured.configured()).isFalse();
        assertThat(outbox.configured()).isTrue();
        assertThat(delivery).isEqualTo(EmailDelivery.NOT_CONFIGURED);
        assertThat(rowsTo(recipient)).isEmpty();
    }

    @Test
    void aClaimerPassesOverMailAnotherClaimerIsHolding() {
        Instant past = Instant.parse("2000-01-01T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            repository.insert(UUID.randomUUID(), mailTo(uniqueRecipient()), past);
        }
        Instant now = past.plusSeconds(1);
        Instant leaseUntil = clock.instant().plus(Duration.ofMinutes(15));

        List<List<ClaimedMail>> claims = transactions.execute(status -> {
            // the first claim's row locks last until this transaction ends
            List<ClaimedMail> held = repository.claimDue(now, leaseUntil, 3);
            List<ClaimedMail> meanwhile = CompletableFuture
                    .supplyAsync(() -> repository.claimDue(now, leaseUntil, 3))
                    .orTimeout(5, TimeUnit.SECONDS)
                    .join();
            return new ArrayList<>(List.of(held, meanwhile));
        });

        List<ClaimedMail> held = claims.get(0);
        List<ClaimedMail> meanwhile = claims.get(1);
        assertThat(held).hasSize(3);
        assertThat(meanwhile).as("claimed without waiting for the other claimer").hasSize(3);
        assertThat(meanwhile).extracting(ClaimedMail::id).doesNotContainAnyElementsOf(held.stream().map(ClaimedMail::id).toList());
        // the rest need not burden the shared sender and mail server
        List<ClaimedMail> rest;
        do {
            rest = repository.claimDue(now, leaseUntil, 100);
            claims.add(rest);
        } while (!rest.isEmpty());
        claims.forEach(batch -> batch.forEach(mail -> repository.markSent(mail.id(), clock.instant())));
    }

    @Test
    void concurrentClaimersNeverGetTheSameMail() {
        // Due long ago and claimed "back then", so the two claimers below see only these rows, never
        // another test's. The running sender, claiming at the real time, is a third claimer of them.
        Instant past = Instant.parse("2000-01-01T00:00:00Z");
        Set<UUID> ours = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            UUID id = UUID.randomUUID();
            repository.insert(id, mailTo(uniqueRecipient()), past);
            ours.add(id);
        }
        CyclicBarrier start = new CyclicBarrier(2);

        List<UUID> claimed = new ArrayList<>();
        try (ExecutorService claimers = Executors.newFixedThreadPool(2)) {
            var first = CompletableFuture.supplyAsync(() -> claimAll(start, past.plusSeconds(1)), claimers);
            var second = CompletableFuture.supplyAsync(() -> claimAll(start, past.plusSeconds(1)), claimers);
            claimed.addAll(first.join());
            claimed.addAll(second.join());
        }

        assertThat(claimed).isNotEmpty().doesNotHaveDuplicates();
        assertThat(ours).containsAll(claimed);
        // every row claimed exactly once: by one of the two, or by the sender, which sent the rest
        List<Integer> attempts = await().atMost(Duration.ofSeconds(15))
                .until(() -> attemptsOfSentRows(ours), sent -> sent.size() == ours.size());
        assertThat(attempts).containsOnly(1);
    }

    /** Claims small batches until none is left, and reports each as sent, as a sender would. */
    private List<UUID> claimAll(CyclicBarrier start, Instant now) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<UUID> claimed = new ArrayList<>();
        List<ClaimedMail> batch;
        do {
            // leased until later than the real time, as any claim is, so the sender leaves them alone
            batch = repository.claimDue(now, clock.instant().plus(Duration.ofMinutes(15)), 3);
            batch.forEach(mail -> {
                claimed.add(mail.id());
                repository.markSent(mail.id(), clock.instant());
            });
        } while (!batch.isEmpty());
        return claimed;
    }

    private List<Integer> attemptsOfSentRows(Set<UUID> ids) {
        return jdbc.sql("SELECT attempts FROM mail_outbox WHERE id = ANY(:ids) AND sent_at IS NOT NULL")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Integer.class).list();
    }
}
