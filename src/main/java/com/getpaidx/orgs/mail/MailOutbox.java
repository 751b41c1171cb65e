package com.getpaidx.orgs.mail;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.mail.internal.JdbcMailOutboxRepository;
import com.getpaidx.orgs.shared.EmailAddresses;

/**
 * Hands mail to the outbox. The row commits or vanishes with the caller's change, and a background
 * sender delivers it with retries, so a mail server that is down delays mail but never loses it.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcMailOutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailServer;
    private final Clock clock;

    MailOutbox(JdbcMailOutboxRepository outbox, ObjectProvider<JavaMailSender> mailServer, Clock clock) {
        this.outbox = outbox;
        this.mailServer = mailServer;
        this.clock = clock;
    }

    /** Whether a mail server is configured ({@code spring.mail.host}); without one, links are shared by hand. */
    public boolean configured() {
        return mailServer.getIfAvailable() != null;
    }

    /**
     * Queues the mail in the caller's transaction, which must exist: a mail queued on its own could
     * announce a change that then rolls back. Without a mail server nothing is queued, since nothing
     * would ever send it. A recipient that is no address by {@link EmailAddresses} is refused
     * ({@code InvalidInput} on {@code to}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EmailDelivery enqueue(OutgoingMail mail) {
        Objects.requireNonNull(mail.to(), "to");
        Objects.requireNonNull(mail.subject(), "subject");
        Objects.requireNonNull(mail.text(), "text");
        Objects.requireNonNull(mail.html(), "html");
        EmailAddresses.requireValid("to", mail.to()); // the sender reads it with the same rule: nothing unsendable waits
        if (!configured()) {
            return EmailDelivery.NOT_CONFIGURED;
        }
        UUID id = UUID.randomUUID();
        outbox.insert(id, mail, clock.instant());
        // DEBUG: the caller's transaction may still roll back; the INFO line is the sender's
        log.debug("Mail {} queued", id);
        return EmailDelivery.QUEUED;
    }
}
