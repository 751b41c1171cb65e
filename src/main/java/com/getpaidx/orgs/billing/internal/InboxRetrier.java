package com.getpaidx.orgs.billing.internal;

import java.time.Clock;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.getpaidx.orgs.shared.GracefulWorker;

/**
 * Picks up events whose processing failed, or whose receiving request died before processing them. At
 * shutdown it leaves between events.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InboxRetrier extends GracefulWorker {

    private static final int BATCH = 50;

    private final JdbcPaymentEventRepository events;
    private final DatabasePaymentInbox inbox;
    private final Clock clock;

    InboxRetrier(JdbcPaymentEventRepository events, DatabasePaymentInbox inbox, Clock clock) {
        this.events = events;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${getpaidx.billing.inbox-retry-interval:5s}")
    void retryDue() {
        if (!enter()) {
            return;
        }
        try {
            for (String eventId : events.due(clock.instant(), BATCH)) {
                if (!open()) {
                    return;
                }
                inbox.process(eventId);
            }
        }
        finally {
            leave();
        }
    }
}
