package com.getpaidx.orgs.usage;

import java.util.Set;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;

/**
 * @param memberMonthlyLimit credits each member may spend per UTC calendar month; null is no limit
 * @param lowBalanceThreshold below it billing managers are told once; null is no alert
 */
public record SpendPolicy(Spenders spenders, Set<UserId> selectedUserIds, Credits memberMonthlyLimit, boolean paused,
        Credits lowBalanceThreshold) {

    public static final SpendPolicy DEFAULT = new SpendPolicy(Spenders.ALL_MEMBERS, Set.of(), null, false, null);

    public SpendPolicy {
        selectedUserIds = selectedUserIds == null ? Set.of() : Set.copyOf(selectedUserIds);
    }

    /** Whether a member in {@code role} may have workspaces billed to the org. */
    public boolean allows(UserId user, Role role) {
        return switch (spenders) {
            case ALL_MEMBERS -> true;
            case MANAGERS -> role == Role.OWNER || role == Role.ADMIN;
            case SELECTED -> selectedUserIds.contains(user);
        };
    }
}
