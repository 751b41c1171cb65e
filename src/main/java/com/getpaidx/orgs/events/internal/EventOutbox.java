package com.getpaidx.orgs.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import com.getpaidx.orgs.events.EventsProperties;
import com.getpaidx.orgs.shared.OrgId;

/**
 * Writes an event for every configured endpoint in the transaction of the change it reports, so a rolled-back
 * change sends nothing and a committed one is sent at least once. The body is fixed here: every attempt sends
 * (and signs) the same bytes.
 */
@Component
class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private final JdbcEventDeliveryRepository deliveries;
    private final EventsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    EventOutbox(JdbcEventDeliveryRepository deliveries, EventsProperties properties, JsonMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void publish(OrgId org, String type, Map<String, Object> data) {
        if (properties.endpoints().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String webhookId = "msg_" + UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("timestamp", now.toString());
        event.put("data", data);
        String body = json.writeValueAsString(event);
        properties.endpoints().forEach(endpoint ->
                deliveries.insert(org, UUID.randomUUID(), webhookId, type, endpoint.url(), body, now));
        log.info("Event {} ({}) of org {} queued for {} endpoints", webhookId, type, org, properties.endpoints().size());
    }
}
