package com.getpaidx.orgs.seat.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.getpaidx.orgs.seat.AssignmentStatus;
import com.getpaidx.orgs.shared.UserId;

/**
 * The seat rules of DESIGN §3 as pure functions, so each is tested by a table: how many seats a subscription
 * pays for, and which assignments change when that number changes.
 */
public final class SeatRules {

    private static final Set<String> PAYING = Set.of("active", "trialing");
    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");
    private static final Set<String> BLOCKING_ARCHIVE = Set.of("active", "trialing", "past_due");

    /** Oldest assignment first; the user id only breaks ties, so the order is the same on every call. */
    private static final Comparator<Holder> OLDEST_FIRST = Comparator.comparing(Holder::assignedAt)
            .thenComparing(holder -> holder.userId().value());

    private SeatRules() {
    }

    /** One assignment as the rules see it. */
    public record Holder(UserId userId, AssignmentStatus status, Instant assignedAt) {
    }

    /** What reconciliation changes: {@code suspend} newest first, {@code restore} oldest first. */
    public record Reconciliation(List<UserId> suspend, List<UserId> restore) {

        public boolean isEmpty() {
            return suspend.isEmpty() && restore.isEmpty();
        }
    }

    /**
     * Seats a subscription pays for: its quantity while {@code active} or {@code trialing}, or {@code past_due}
     * while the grace setting allows (Stripe is still retrying the payment); otherwise none.
     */
    public static int paid(String status, long quantity, boolean pastDueGrace) {
        boolean paying = status != null && (PAYING.contains(status) || (pastDueGrace && "past_due".equals(status)));
        return paying ? (int) Math.clamp(quantity, 0, Integer.MAX_VALUE) : 0;
    }

    /** Whether the subscription still exists at the provider: anything but canceled or expired. */
    public static boolean live(String status) {
        return status != null && !ENDED.contains(status);
    }

    /** Archiving is refused while the subscription is {@code active}, {@code trialing} or {@code past_due}. */
    public static boolean blocksArchive(String status) {
        return status != null && BLOCKING_ARCHIVE.contains(status);
    }

    /**
     * Makes the active assignments fit {@code paid}: when there are more, the most recently assigned are
     * suspended until they fit; while seats are free and the org is active, suspended assignments come back, oldest
     * first (an archived org gives no seat back until it is unarchived). Revoked and ended assignments never come
     * back by themselves.
     */
    public static Reconciliation reconcile(int paid, boolean orgActive, List<Holder> holders) {
        List<Holder> active = holders.stream().filter(holder -> holder.status() == AssignmentStatus.ACTIVE)
                .sorted(OLDEST_FIRST).toList();
        int capacity = Math.max(paid, 0);
        if (active.size() > capacity) {
            return new Reconciliation(active.subList(capacity, active.size()).reversed().stream()
                    .map(Holder::userId).toList(), List.of());
        }
        if (!orgActive) {
            return new Reconciliation(List.of(), List.of());
        }
        List<UserId> restore = holders.stream().filter(holder -> holder.status() == AssignmentStatus.SUSPENDED)
                .sorted(OLDEST_FIRST).limit(capacity - active.size()).map(Holder::userId).toList();
        return new Reconciliation(List.of(), restore);
    }
}
