package com.getpaidx.orgs.mail.internal;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailuresTests {

    @Test
    void namesTheFailureAndItsCauses() {
        var failure = new MailSendException("Mail server connection failed", new ConnectException("Connection refused"));

        assertThat(SendFailures.describe(failure, null))
                .isEqualTo("MailSendException: Mail server connection failed; caused by ConnectException: Connection refused");
    }

    @Test
    void neverKeepsTheSmtpPassword() {
        var failure = new MailSendException("535 Authentication failed for user alice with s3cret-Pa55");

        assertThat(SendFailures.describe(failure, "s3cret-Pa55"))
                .doesNotContain("s3cret-Pa55").contains("[redacted]");
    }

    @Test
    void isCutToFitTheColumn() {
        var failure = new MailSendException("x".repeat(5000));

        String described = SendFailures.describe(failure, null);

        assertThat(described).hasSize(SendFailures.MAX_LENGTH).endsWith("…");
    }
}
