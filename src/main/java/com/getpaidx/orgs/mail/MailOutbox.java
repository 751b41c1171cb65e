package com.getpaidx.orgs.mail;

/** Placeholder until the outbox lands from its branch; replaced there. */
@org.springframework.stereotype.Service
public class MailOutbox {

    public EmailDelivery enqueue(OutgoingMail mail) {
        return EmailDelivery.NOT_CONFIGURED;
    }

    public boolean configured() {
        return false;
    }
}
