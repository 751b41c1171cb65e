package com.getpaidx.orgs.mail.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.getpaidx.orgs.mail.OutboxProperties;
import com.getpaidx.orgs.shared.retention.ExpiringRows;

/** A sent mail expires {@code getpaidx.mail.keep-sent} after it was sent; unsent and dead mail, never sent, never does. */
@Configuration(proxyBeanMethods = false)
class MailRetention {

    @Bean
    ExpiringRows sentMail(OutboxProperties properties) {
        return new ExpiringRows("mail_outbox", "id", "sent_at", properties.keepSent());
    }
}
