package com.getpaidx.orgs.seat;

import java.util.List;

/**
 * An org's seats: {@code paid} by its subscription, {@code assigned} (active assignments), {@code available}
 * to assign, and {@code suspended} for want of capacity.
 *
 * @param subscription null when the org never had one
 * @param live whether the subscription still exists at the provider (not canceled or expired): a new
 *        checkout is refused while it does
 */
public record Seats(int paid, int assigned, int available, int suspended, SeatSubscription subscription, boolean live,
        List<SeatAssignment> assignments) {
}
