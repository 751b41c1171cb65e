package com.getpaidx.orgs.usage.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.SpendPolicy;
import com.getpaidx.orgs.usage.Spenders;

/**
 * The spend policy form as posted: blank limits are none, an unticked box leaves the selection, and
 * a missing {@code paused} is an unticked one.
 */
record SpendPolicyForm(String spenders, List<UUID> selectedUserIds, String memberMonthlyLimit,
        String lowBalanceThreshold, Boolean paused) {

    SpendPolicy policy() {
        Set<UserId> selected = Set.copyOf(UserId.formList("selectedUserIds", selectedUserIds));
        return new SpendPolicy(Spenders.fromJson(spenders), selected, credits("memberMonthlyLimit", memberMonthlyLimit),
                Boolean.TRUE.equals(paused), credits("lowBalanceThreshold", lowBalanceThreshold));
    }

    /** Two credit fields share one form, so the message names the one that is wrong. */
    private static Credits credits(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Credits.parse(value.strip());
        }
        catch (InvalidInput e) {
            throw new InvalidInput(field, e.errors().getFirst().message());
        }
    }
}
