package com.getpaidx.orgs.events;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.getpaidx.orgs.events.internal.JdbcEventDeliveryRepository;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;

/** The outgoing events as an operator sees them (service token): what went where, and sending a dead one again. */
@Service
public class EventDeliveries {

    private static final Logger log = LoggerFactory.getLogger(EventDeliveries.class);

    private final JdbcEventDeliveryRepository deliveries;
    private final Clock clock;

    EventDeliveries(JdbcEventDeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Page<EventDelivery> list(@Nullable DeliveryStatus status, @Nullable String type, PageRequest page) {
        return page.page(deliveries.list(status, type == null || type.isBlank() ? null : type, page),
                delivery -> new Cursor.Position(delivery.createdAt(), delivery.id()));
    }

    /**
     * Due again at once, with the same {@code webhook-id} and body. Its retry window (counted from the event) has
     * passed, so this is one more attempt: if it fails too the delivery is dead again.
     */
    public EventDelivery retry(UUID id) {
        if (!deliveries.revive(id, clock.instant())) {
            deliveries.find(id).orElseThrow(DeliveryNotFound::new);
            throw new DeliveryNotDead();
        }
        log.info("Event delivery {} is retried by hand", id);
        return deliveries.find(id).orElseThrow();
    }
}
