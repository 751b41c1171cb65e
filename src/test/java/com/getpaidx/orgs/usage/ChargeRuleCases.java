package com.getpaidx.orgs.usage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.internal.ChargeRules;

/**
 * The one table of charge-rule cases: {@link ChargeRulesTests} runs it through {@link ChargeRules},
 * {@link ChargeRulesSqlIntegrationTests} through the database's {@code usage_refusal}, so the rules the
 * pages explain and the rules the hot path applies cannot drift apart.
 */
final class ChargeRuleCases {

    static final UserId OWNER = new UserId(UUID.randomUUID());

    /** @param expected the refusal code, or null when the org pays */
    record Case(String name, ChargeRules.Context context, long micros, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final SpendPolicy OPEN = SpendPolicy.DEFAULT;
    private static final SpendPolicy PAUSED = new SpendPolicy(Spenders.ALL_MEMBERS, Set.of(), null, true, null);
    private static final SpendPolicy MANAGERS = new SpendPolicy(Spenders.MANAGERS, Set.of(), null, false, null);
    private static final SpendPolicy SELECTED_OTHERS = new SpendPolicy(Spenders.SELECTED,
            Set.of(new UserId(UUID.randomUUID())), null, false, null);
    private static final SpendPolicy SELECTED_OWNER = new SpendPolicy(Spenders.SELECTED, Set.of(OWNER), null, false, null);
    private static final SpendPolicy LIMITED = new SpendPolicy(Spenders.ALL_MEMBERS, Set.of(), Credits.ofWhole(10), false, null);
    private static final SpendPolicy EVERYTHING_WRONG = new SpendPolicy(Spenders.MANAGERS, Set.of(), Credits.ZERO, true, null);

    static Case of(String name, boolean active, SpendPolicy policy, Role role, long monthToDate, long balance, long micros,
            String expected) {
        return new Case(name, new ChargeRules.Context(active, policy, OWNER, Optional.ofNullable(role), monthToDate, balance),
                micros, expected);
    }

    static List<Case> all() {
        return List.of(
                of("an active org with money pays", true, OPEN, Role.MEMBER, 0, 10, 10, null),
                of("archived", false, OPEN, Role.MEMBER, 0, 10, 1, "org_archived"),
                of("paused", true, PAUSED, Role.MEMBER, 0, 10, 1, "billing_paused"),
                of("not a member", true, OPEN, null, 0, 10, 1, "not_member"),
                of("managers only, billing admin", true, MANAGERS, Role.BILLING_ADMIN, 0, 10, 1, "policy_denied"),
                of("managers only, member", true, MANAGERS, Role.MEMBER, 0, 10, 1, "policy_denied"),
                of("managers only, admin", true, MANAGERS, Role.ADMIN, 0, 10, 1, null),
                of("managers only, owner", true, MANAGERS, Role.OWNER, 0, 10, 1, null),
                of("selected others, owner", true, SELECTED_OTHERS, Role.OWNER, 0, 10, 1, "policy_denied"),
                of("selected, the owner", true, SELECTED_OWNER, Role.MEMBER, 0, 10, 1, null),
                of("limit reached exactly", true, LIMITED, Role.MEMBER, 9_000_000, 100_000_000, 1_000_000, null),
                of("limit passed by one micro", true, LIMITED, Role.MEMBER, 9_000_001, 100_000_000, 1_000_000,
                        "member_limit_reached"),
                of("balance short by one micro", true, OPEN, Role.MEMBER, 0, 9, 10, "insufficient_balance"),
                of("balance exactly enough", true, OPEN, Role.MEMBER, 0, 10, 10, null),
                of("the first broken rule wins", false, EVERYTHING_WRONG, Role.MEMBER, 0, 0, 1, "org_archived"),
                of("paused before membership", true, PAUSED, null, 0, 0, 1, "billing_paused"),
                of("membership before limit", true, LIMITED, null, 10_000_000, 0, 1, "not_member"),
                of("limit before balance", true, LIMITED, Role.MEMBER, 10_000_000, 0, 1, "member_limit_reached"),
                // the largest charge a request may carry, on top of a month already spent: no overflow, a refusal
                of("the largest charge past the limit", true, LIMITED, Role.MEMBER, 9_000_000,
                        Long.MAX_VALUE, Credits.MAX_WHOLE * 1_000_000, "member_limit_reached"));
    }

    private ChargeRuleCases() {
    }
}
