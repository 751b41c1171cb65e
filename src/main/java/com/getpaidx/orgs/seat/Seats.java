package com.getpaidx.orgs.seat;

import java.util.List;

/**
 * An org's seats: {@code paid} by its subscription (and any duplicate), {@code assigned} (active assignments), {@code available}
 * to assign, and {@code suspended} for want of capacity.
 *
 * @param subscription null when the org never had one
 * @param live whether the subscription still exists at the provider (not canceled or expired): a new
 *        checkout is refused while it does
 * @param duplicates further live subscriptions of the org (two checkouts paid): their seats count in
 *        {@code paid}, and a billing manager should cancel all but one in the billing portal
 */
public record Seats(int paid, int assigned, int available, int suspended, SeatSubscription subscription, boolean live,
        List<SeatAssignment> assignments, List<SeatSubscription> duplicates) {
}
