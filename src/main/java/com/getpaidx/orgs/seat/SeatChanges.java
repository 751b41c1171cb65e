package com.getpaidx.orgs.seat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * Assigning or revoking the seats of several members at once (the Seats section's checkboxes). Each member is
 * its own transaction, in the order given: when the paid seats run out part way, the members before keep their
 * seats and the rest are refused one by one, each with the reason the single call would give.
 */
@Service
public class SeatChanges {

    /** What happened to one member: {@code refusal} null when the change was made. */
    public record Outcome(UserId user, @Nullable String code, @Nullable String detail) {

        public boolean done() {
            return code == null;
        }
    }

    public enum Change {
        ASSIGN, REVOKE
    }

    private final SeatManagement seats;
    private final Authorizer authorizer;

    SeatChanges(SeatManagement seats, Authorizer authorizer) {
        this.seats = seats;
        this.authorizer = authorizer;
    }

    /** A caller who may not change seats at all is refused as a whole (404 or 403), before any member. */
    public List<Outcome> apply(OrgId org, UserId caller, Change change, List<UserId> users) {
        authorizer.require(org, caller, Permission.MANAGE_SEATS);
        if (users.isEmpty()) {
            throw new InvalidInput("userIds", "choose at least one member");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (UserId user : new LinkedHashSet<>(users)) {
            try {
                if (change == Change.ASSIGN) {
                    seats.assign(org, caller, user);
                }
                else {
                    seats.revoke(org, caller, user);
                }
                outcomes.add(new Outcome(user, null, null));
            }
            catch (DomainException refused) {
                outcomes.add(new Outcome(user, refused.code(), refused.getMessage()));
            }
        }
        return outcomes;
    }
}
