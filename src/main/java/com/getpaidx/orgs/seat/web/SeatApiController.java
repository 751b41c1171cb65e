package com.getpaidx.orgs.seat.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.seat.AssignmentStatus;
import com.getpaidx.orgs.seat.SeatAssignment;
import com.getpaidx.orgs.seat.SeatManagement;
import com.getpaidx.orgs.seat.SeatSubscription;
import com.getpaidx.orgs.seat.Seats;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import org.jspecify.annotations.Nullable;

@RestController
@RequestMapping("/api/v1/orgs/{id}/seats")
class SeatApiController {

    record AssignmentResponse(UUID userId, AssignmentStatus status, Instant assignedAt) {

        static AssignmentResponse of(SeatAssignment assignment) {
            return new AssignmentResponse(assignment.userId().value(), assignment.status(), assignment.assignedAt());
        }
    }

    record SubscriptionResponse(String id, String status, int quantity, Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd) {

        static SubscriptionResponse of(SeatSubscription subscription) {
            return subscription == null ? null : new SubscriptionResponse(subscription.id(), subscription.status(),
                    subscription.quantity(), subscription.currentPeriodEnd(), subscription.cancelAtPeriodEnd());
        }
    }

    record SeatsResponse(int paid, int assigned, int available, int suspended, @Nullable SubscriptionResponse subscription,
            List<SubscriptionResponse> duplicateSubscriptions, List<AssignmentResponse> assignments) {

        static SeatsResponse of(Seats seats) {
            return new SeatsResponse(seats.paid(), seats.assigned(), seats.available(), seats.suspended(),
                    SubscriptionResponse.of(seats.subscription()),
                    seats.duplicates().stream().map(SubscriptionResponse::of).toList(),
                    seats.assignments().stream().map(AssignmentResponse::of).toList());
        }
    }

    record CheckoutRequest(@NotNull @Min(SeatCheckout.MIN_QUANTITY) @Max(SeatCheckout.MAX_QUANTITY) Integer quantity) {
    }

    record CheckoutResponse(String checkoutUrl) {
    }

    record PortalResponse(String portalUrl) {
    }

    private final SeatManagement seats;

    SeatApiController(SeatManagement seats) {
        this.seats = seats;
    }

    @GetMapping
    SeatsResponse seats(CurrentUser user, @PathVariable UUID id) {
        return SeatsResponse.of(seats.seats(new OrgId(id), user.id()));
    }

    @PostMapping("/checkout")
    ResponseEntity<CheckoutResponse> checkout(CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody CheckoutRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CheckoutResponse(seats.startCheckout(new OrgId(id), user.id(), request.quantity())));
    }

    @PostMapping("/portal")
    PortalResponse portal(CurrentUser user, @PathVariable UUID id) {
        return new PortalResponse(seats.openPortal(new OrgId(id), user.id()));
    }

    @PostMapping("/sync")
    SeatsResponse sync(CurrentUser user, @PathVariable UUID id) {
        return SeatsResponse.of(seats.sync(new OrgId(id), user.id()));
    }

    @PutMapping("/assignments/{userId}")
    AssignmentResponse assign(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        return AssignmentResponse.of(seats.assign(new OrgId(id), user.id(), new UserId(userId)));
    }

    @DeleteMapping("/assignments/{userId}")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        seats.revoke(new OrgId(id), user.id(), new UserId(userId));
        return ResponseEntity.noContent().build();
    }
}
