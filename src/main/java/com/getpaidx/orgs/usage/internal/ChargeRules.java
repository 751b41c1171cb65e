package com.getpaidx.orgs.usage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.SpendPolicy;

/**
 * Whether an org pays for a charge, as a pure function of what the transaction read under the wallet
 * lock. The order of the checks is the order of the answer: the first rule broken is the code.
 */
public final class ChargeRules {

    /**
     * @param ownerRole the workspace owner's role in the org, empty when not a member
     * @param monthToDate the owner's org-billed credits this UTC month, in micro-credits
     */
    public record Context(boolean orgActive, SpendPolicy policy, UserId owner, Optional<Role> ownerRole,
            long monthToDate, long balance) {
    }

    private ChargeRules() {
    }

    /** The refusal code for a charge of {@code micros}, or empty when the org pays it. */
    public static Optional<String> refusal(Context context, long micros) {
        List<String> reasons = reasons(context, micros);
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons.getFirst());
    }

    /** Every rule a charge of {@code micros} breaks; with 1 micro-credit, what would block any charge now. */
    public static List<String> reasons(Context context, long micros) {
        List<String> reasons = new ArrayList<>();
        if (!context.orgActive()) {
            reasons.add("org_archived");
        }
        if (context.policy().paused()) {
            reasons.add("billing_paused");
        }
        if (context.ownerRole().isEmpty()) {
            reasons.add("not_member");
        }
        else if (!context.policy().allows(context.owner(), context.ownerRole().get())) {
            reasons.add("policy_denied");
        }
        var limit = context.policy().memberMonthlyLimit();
        if (limit != null && micros > limit.micros() - context.monthToDate()) { // month + micros could overflow
            reasons.add("member_limit_reached");
        }
        if (context.balance() < micros) {
            reasons.add("insufficient_balance");
        }
        return reasons;
    }

    /** The reasons an owner may not choose the org at all (the charge-time ones aside). */
    public static List<String> choiceReasons(Context context) {
        return reasons(context, 0).stream()
                .filter(reason -> reason.equals("org_archived") || reason.equals("not_member") || reason.equals("policy_denied"))
                .toList();
    }
}
