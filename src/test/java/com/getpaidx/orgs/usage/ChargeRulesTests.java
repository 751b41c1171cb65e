package com.getpaidx.orgs.usage;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.internal.ChargeRules;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of the refusals is the order of DESIGN §3: archived, paused, membership, policy, limit, balance. */
class ChargeRulesTests {

    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final SpendPolicy OPEN = SpendPolicy.DEFAULT;

    private static ChargeRules.Context context(boolean active, SpendPolicy policy, Role role, long monthToDate, long balance) {
        return new ChargeRules.Context(active, policy, OWNER, Optional.ofNullable(role), monthToDate, balance);
    }

    @Test
    void anActiveOrgWithMoneyPays() {
        assertThat(ChargeRules.refusal(context(true, OPEN, Role.MEMBER, 0, 10), 10)).isEmpty();
    }

    @Test
    void everyRuleHasItsCode() {
        var paused = new SpendPolicy(Spenders.ALL_MEMBERS, Set.of(), null, true, null);
        var managers = new SpendPolicy(Spenders.MANAGERS, Set.of(), null, false, null);
        var selectedOthers = new SpendPolicy(Spenders.SELECTED, Set.of(new UserId(UUID.randomUUID())), null, false, null);
        var limited = new SpendPolicy(Spenders.ALL_MEMBERS, Set.of(), Credits.ofWhole(10), false, null);
        assertThat(ChargeRules.refusal(context(false, OPEN, Role.MEMBER, 0, 10), 1)).hasValue("org_archived");
        assertThat(ChargeRules.refusal(context(true, paused, Role.MEMBER, 0, 10), 1)).hasValue("billing_paused");
        assertThat(ChargeRules.refusal(context(true, OPEN, null, 0, 10), 1)).hasValue("not_member");
        assertThat(ChargeRules.refusal(context(true, managers, Role.BILLING_ADMIN, 0, 10), 1)).hasValue("policy_denied");
        assertThat(ChargeRules.refusal(context(true, managers, Role.ADMIN, 0, 10), 1)).isEmpty();
        assertThat(ChargeRules.refusal(context(true, selectedOthers, Role.OWNER, 0, 10), 1)).hasValue("policy_denied");
        assertThat(ChargeRules.refusal(context(true, limited, Role.MEMBER, 9_000_000, 100_000_000), 1_000_000)).isEmpty();
        assertThat(ChargeRules.refusal(context(true, limited, Role.MEMBER, 9_000_001, 100_000_000), 1_000_000))
                .hasValue("member_limit_reached");
        assertThat(ChargeRules.refusal(context(true, OPEN, Role.MEMBER, 0, 9), 10)).hasValue("insufficient_balance");
    }

    @Test
    void theFirstBrokenRuleWinsAndAllAreListed() {
        var paused = new SpendPolicy(Spenders.MANAGERS, Set.of(), Credits.ZERO, true, null);
        var context = context(false, paused, Role.MEMBER, 0, 0);
        assertThat(ChargeRules.refusal(context, 1)).hasValue("org_archived");
        assertThat(ChargeRules.reasons(context, 1)).containsExactly("org_archived", "billing_paused", "policy_denied",
                "member_limit_reached", "insufficient_balance");
        assertThat(ChargeRules.choiceReasons(context)).containsExactly("org_archived", "policy_denied");
    }
}
