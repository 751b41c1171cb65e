package com.getpaidx.orgs.mail.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;

import com.getpaidx.orgs.mail.OutboxProperties;
import com.getpaidx.orgs.mail.internal.JdbcMailOutboxRepository.ClaimedMail;
import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.GracefulWorker;
import com.getpaidx.orgs.shared.LogContext;

/**
 * Delivers due outbox mail. Each poll claims a batch in one statement and only then talks to the mail
 * server, outside any transaction; a failure schedules the next attempt with an exponential backoff, until
 * the last allowed attempt: then the mail is dead. At shutdown it finishes the batch in hand (sent over one
 * connection, each recorded) and claims no other.
 */
@Component
class OutboxSender extends GracefulWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcMailOutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailServer;
    private final OutboxProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxSender(JdbcMailOutboxRepository outbox, ObjectProvider<JavaMailSender> mailServer,
            OutboxProperties properties, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.mailServer = mailServer;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Without a mail server the poll returns at once, touching no table: MailOutbox queues nothing then.
     * The check is made here rather than with a condition on the bean, because the JavaMailSender is an
     * auto-configured bean that a condition on a scanned component cannot reliably see.
     */
    @Scheduled(fixedDelayString = "${getpaidx.mail.poll-interval:1s}")
    void sendDue() {
        JavaMailSender server = mailServer.getIfAvailable();
        if (server == null || !enter()) {
            return;
        }
        try {
            sendDue(server);
        }
        finally {
            leave();
        }
    }

    private void sendDue(JavaMailSender server) {
        Instant now = clock.instant();
        List<ClaimedMail> claimed = outbox.claimDue(now, now.plus(properties.claimLease()), properties.batchSize());
        Map<MimeMessage, ClaimedMail> composed = new LinkedHashMap<>();
        for (ClaimedMail mail : claimed) {
            try (var context = LogContext.with(LogContext.MAIL_ID, mail.id())) {
                try {
                    composed.put(compose(server, mail), mail);
                } catch (MessagingException | RuntimeException failure) {
                    failed(server, mail, failure);
                }
            }
        }
        Map<Object, Exception> failures = sendTogether(server, composed.keySet());
        composed.forEach((message, mail) -> recorded(server, mail, failures.get(message)));
    }

    private void recorded(JavaMailSender server, ClaimedMail mail, Exception failure) {
        try (var context = LogContext.with(LogContext.MAIL_ID, mail.id())) {
            if (failure == null) {
                // if this update is lost (the database is gone), the lease runs out and the mail goes out twice:
                // at least once is the promise
                outbox.markSent(mail.id(), clock.instant());
                log.info("Mail {} sent (attempt {})", mail.id(), mail.attempts());
            } else {
                failed(server, mail, failure);
            }
        }
    }

    /**
     * The whole batch over one connection to the mail server (a connection per mail is most of a send's
     * time); what failed, per message, as the sender reports it: all of them when it could not connect.
     */
    private static Map<Object, Exception> sendTogether(JavaMailSender server, Collection<MimeMessage> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        try {
            server.send(messages.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException partly) {
            return partly.getFailedMessages().isEmpty() ? everyOne(messages, partly) : partly.getFailedMessages();
        } catch (RuntimeException all) {
            return everyOne(messages, all);
        }
    }

    private static Map<Object, Exception> everyOne(Collection<MimeMessage> messages, Exception failure) {
        Map<Object, Exception> failed = new IdentityHashMap<>();
        messages.forEach(message -> failed.put(message, failure));
        return failed;
    }

    private void failed(JavaMailSender server, ClaimedMail claimed, Exception failure) {
        String error = SendFailures.describe(failure, password(server));
        if (claimed.attempts() >= properties.maxAttempts()) {
            giveUp(claimed, error);
            return;
        }
        Instant nextAttempt = clock.instant().plus(properties.retryDelay(claimed.attempts()));
        outbox.markFailed(claimed.id(), nextAttempt, error);
        log.warn("Mail {} not sent (attempt {}), next attempt at {}: {}", claimed.id(), claimed.attempts(),
                nextAttempt, error);
    }

    /** The last allowed attempt failed: the mail is dead (its bodies erased), audited, and logged for an operator. */
    private void giveUp(ClaimedMail claimed, String error) {
        transactions.executeWithoutResult(tx -> {
            outbox.markDead(claimed.id(), clock.instant(), error);
            audit.record(new AuditRecord(null, null, "mail.dead", "mail", claimed.id().toString(), null,
                    Map.of("attempts", claimed.attempts(), "lastError", error)));
        });
        log.error("Mail {} is dead after {} failed attempts; it will not be retried: {}", claimed.id(),
                claimed.attempts(), error);
    }

    private MimeMessage compose(JavaMailSender server, ClaimedMail claimed) throws MessagingException {
        MimeMessage message = server.createMimeMessage();
        message.setFrom(new InternetAddress(properties.from(), true));
        message.setRecipient(Message.RecipientType.TO, recipient(claimed.mail().to()));
        message.setSubject(claimed.mail().subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        MimeMultipart alternatives = new MimeMultipart("alternative");
        // plain text first: a client shows the last alternative it can render
        alternatives.addBodyPart(part(claimed.mail().text(), "plain"));
        alternatives.addBodyPart(part(claimed.mail().html(), "html"));
        message.setContent(alternatives);
        return message;
    }

    /**
     * The address as the service's one rule reads it, not re-parsed by JavaMail: what was accepted at the
     * door is what the mail server is given (as {@code RCPT TO:<address>}).
     */
    static InternetAddress recipient(String to) throws AddressException {
        String address = EmailAddresses.parse(to)
                .orElseThrow(() -> new AddressException("not an email address by the service's rule"));
        InternetAddress recipient = new InternetAddress();
        recipient.setAddress(address);
        return recipient;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private static String password(JavaMailSender server) {
        return server instanceof JavaMailSenderImpl impl ? impl.getPassword() : null;
    }
}
