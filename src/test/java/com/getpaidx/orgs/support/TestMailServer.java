package com.getpaidx.orgs.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import static org.awaitility.Awaitility.await;

/**
 * The SMTP server every integration test's mail goes to (GreenMail on {@link FreeSmtpPort}). Tests share
 * it, so they send to addresses of their own and look only at those. A test may take it down to see
 * the outbox retry, and must bring it back up.
 */
public class TestMailServer {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final GreenMail greenMail;

    public TestMailServer(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Starts listening; a restarted server has forgotten what it received before. */
    public synchronized void start() {
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (greenMail.isRunning()) {
            greenMail.stop();
        }
    }

    /**
     * The messages received so far with {@code recipient} among their recipients, apart from the
     * address confirmation every signed-up test user gets (see {@link #confirmationsTo}).
     */
    public List<MimeMessage> messagesTo(String recipient) {
        return received(recipient).stream().filter(message -> !isConfirmation(message)).toList();
    }

    /** The address confirmations (sign-up, resend) received so far for {@code recipient}, oldest first. */
    public List<MimeMessage> confirmationsTo(String recipient) {
        return received(recipient).stream().filter(TestMailServer::isConfirmation).toList();
    }

    private List<MimeMessage> received(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> addressedTo(message, recipient)).toList();
    }

    private static boolean isConfirmation(MimeMessage message) {
        try {
            return com.getpaidx.orgs.account.internal.VerificationMail.SUBJECT.equals(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until at least {@code count} messages to {@code recipient} arrived, and returns them all. */
    public List<MimeMessage> awaitMessagesTo(String recipient, int count) {
        return await().atMost(PATIENCE).until(() -> messagesTo(recipient), messages -> messages.size() >= count);
    }

    /** The plain-text part of a message we sent (multipart/alternative, text first). */
    public static String text(MimeMessage message) {
        try {
            var parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new IllegalStateException("no text part");
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(address -> address instanceof InternetAddress internet
                    && com.getpaidx.orgs.shared.EmailAddresses.same(recipient, internet.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
