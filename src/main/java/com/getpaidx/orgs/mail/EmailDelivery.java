package com.getpaidx.orgs.mail;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of a message handed to the outbox: queued for the sender, or no mail server is configured. */
public enum EmailDelivery {
    QUEUED("queued"), NOT_CONFIGURED("not_configured");

    private final String json;

    EmailDelivery(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
