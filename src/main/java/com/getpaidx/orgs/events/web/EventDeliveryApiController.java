package com.getpaidx.orgs.events.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.events.DeliveryStatus;
import com.getpaidx.orgs.events.EventDeliveries;
import com.getpaidx.orgs.events.EventDelivery;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;

/** Outgoing event deliveries, for the operator (service token). */
@RestController
@RequestMapping("/api/v1/event-deliveries")
class EventDeliveryApiController {

    private final EventDeliveries deliveries;

    EventDeliveryApiController(EventDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    Page<EventDelivery> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return deliveries.list(status == null || status.isBlank() ? null : DeliveryStatus.fromJson(status), type,
                PageRequest.of(limit, cursor));
    }

    @PostMapping("/{id}/retry")
    EventDelivery retry(@PathVariable UUID id) {
        return deliveries.retry(id);
    }
}
