package com.getpaidx.orgs.seat.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.getpaidx.orgs.seat.AssignmentStatus;
import com.getpaidx.orgs.shared.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §3 "Pro seats" as tables: what a subscription pays for, and what reconciliation changes. */
class SeatRulesTests {

    @ParameterizedTest(name = "{0} × {1}, grace {2} → {3} paid")
    @CsvSource({
            "active,             5, true,  5",
            "active,             5, false, 5",
            "trialing,           3, true,  3",
            "trialing,           3, false, 3",
            "past_due,           4, true,  4",
            "past_due,           4, false, 0",
            "canceled,           5, true,  0",
            "unpaid,             5, true,  0",
            "incomplete,         5, true,  0",
            "incomplete_expired, 5, true,  0",
            "paused,             5, true,  0",
            "active,             0, true,  0",
            "'',                 5, true,  0" })
    void seatsArePaidWhileActiveTrialingOrPastDueInGrace(String status, long quantity, boolean grace, int paid) {
        assertThat(SeatRules.paid(status.isEmpty() ? null : status, quantity, grace)).isEqualTo(paid);
    }

    @ParameterizedTest(name = "{0}: live {1}, blocks archive {2}")
    @CsvSource({
            "active,             true,  true",
            "trialing,           true,  true",
            "past_due,           true,  true",
            "unpaid,             true,  false",
            "incomplete,         true,  false",
            "paused,             true,  false",
            "canceled,           false, false",
            "incomplete_expired, false, false" })
    void aSubscriptionIsLiveUntilItEndsAndBlocksArchivingWhileItMayBePaid(String status, boolean live,
            boolean blocksArchive) {
        assertThat(SeatRules.live(status)).isEqualTo(live);
        assertThat(SeatRules.blocksArchive(status)).isEqualTo(blocksArchive);
    }

    /**
     * Holders are {@code name:status@minute}, status {@code a}ctive, {@code s}uspended, {@code r}evoked or
     * {@code e}nded; the expected lists are names in the order the rule names them (suspensions newest first,
     * restorations oldest first).
     */
    @ParameterizedTest(name = "[{0}] with {1} paid → suspend [{2}], restore [{3}]")
    @CsvSource(delimiter = '|', value = {
            // capacity falls: the most recently assigned go first
            "A:a@1 B:a@2 C:a@3         | 3 |       | ",
            "A:a@1 B:a@2 C:a@3         | 2 | C     | ",
            "A:a@1 B:a@2 C:a@3         | 1 | C B   | ",
            "A:a@1 B:a@2 C:a@3         | 0 | C B A | ",
            "C:a@3 A:a@1 B:a@2         | 2 | C     | ",
            // capacity grows: suspended come back oldest first, as far as seats are free
            "A:a@1 B:s@2 C:s@3         | 2 |       | B",
            "A:a@1 B:s@2 C:s@3         | 3 |       | B C",
            "A:a@1 B:s@2 C:s@3         | 9 |       | B C",
            "A:s@1 B:s@2               | 0 |       | ",
            // revoked and ended never come back by themselves, and hold no seat
            "A:a@1 B:r@2 C:s@3         | 3 |       | C",
            "A:r@1 B:e@2               | 5 |       | ",
            "A:a@1 B:e@2 C:a@3         | 2 |       | ",
            "A:a@1 B:r@2 C:a@3 D:a@4   | 2 | D     | ",
            // a freed seat (revoke, member left) lets the oldest suspended back
            "A:r@1 B:a@2 C:s@3 D:s@4   | 2 |       | C",
            // equal times: the user id decides, the same way every time
            "A:a@1 B:a@1               | 1 | B     | " })
    void activeAssignmentsAreMadeToFitThePaidSeats(String holders, int paid, String suspended, String restored) {
        SeatRules.Reconciliation changes = SeatRules.reconcile(paid, true, parse(holders));

        assertThat(names(changes.suspend())).isEqualTo(list(suspended));
        assertThat(names(changes.restore())).isEqualTo(list(restored));
    }

    /** An archived org still suspends what its seats no longer cover, but gives no seat back until unarchived. */
    @ParameterizedTest(name = "archived: [{0}] with {1} paid → suspend [{2}], restore none")
    @CsvSource(delimiter = '|', value = {
            "A:a@1 B:s@2 C:s@3         | 3 |       ",
            "A:s@1 B:s@2               | 9 |       ",
            "A:a@1 B:a@2 C:s@3         | 1 | B     ",
            "A:a@1 B:a@2               | 0 | B A   " })
    void anArchivedOrgRestoresNoSeat(String holders, int paid, String suspended) {
        SeatRules.Reconciliation changes = SeatRules.reconcile(paid, false, parse(holders));

        assertThat(names(changes.suspend())).isEqualTo(list(suspended));
        assertThat(changes.restore()).isEmpty();
    }

    @Test
    void nothingChangesWhenTheActiveFitExactly() {
        assertThat(SeatRules.reconcile(2, true, parse("A:a@1 B:a@2 C:r@3")).isEmpty()).isTrue();
        assertThat(SeatRules.reconcile(0, true, List.of()).isEmpty()).isTrue();
    }

    private static final Map<String, UserId> USERS = Map.of(
            "A", user("00000000-0000-0000-0000-00000000000a"), "B", user("00000000-0000-0000-0000-00000000000b"),
            "C", user("00000000-0000-0000-0000-00000000000c"), "D", user("00000000-0000-0000-0000-00000000000d"));

    private static UserId user(String id) {
        return new UserId(UUID.fromString(id));
    }

    private static List<SeatRules.Holder> parse(String holders) {
        return Arrays.stream(holders.trim().split("\\s+")).map(holder -> {
            String[] nameAndRest = holder.split(":");
            String[] statusAndMinute = nameAndRest[1].split("@");
            AssignmentStatus status = switch (statusAndMinute[0]) {
                case "a" -> AssignmentStatus.ACTIVE;
                case "s" -> AssignmentStatus.SUSPENDED;
                case "r" -> AssignmentStatus.REVOKED;
                case "e" -> AssignmentStatus.ENDED;
                default -> throw new IllegalArgumentException(holder);
            };
            return new SeatRules.Holder(USERS.get(nameAndRest[0]), status,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * Integer.parseInt(statusAndMinute[1])));
        }).toList();
    }

    private static List<String> names(List<UserId> users) {
        return users.stream().map(user -> USERS.entrySet().stream().filter(entry -> entry.getValue().equals(user))
                .findFirst().orElseThrow().getKey()).toList();
    }

    private static List<String> list(String names) {
        return names == null || names.isBlank() ? List.of() : Arrays.asList(names.trim().split("\\s+"));
    }
}
