package com.getpaidx.orgs.usage;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.internal.ChargeRules;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of the refusals is the order of DESIGN §3: archived, paused, membership, policy, limit, balance. */
class ChargeRulesTests {

    private static final UserId OWNER = new UserId(UUID.randomUUID());

    private static ChargeRules.Context context(boolean active, SpendPolicy policy, Role role, long monthToDate, long balance) {
        return new ChargeRules.Context(active, policy, OWNER, Optional.ofNullable(role), monthToDate, balance);
    }

    static java.util.List<ChargeRuleCases.Case> cases() {
        return ChargeRuleCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRuleHasItsCodeInItsOrder(ChargeRuleCases.Case c) {
        assertThat(ChargeRules.refusal(c.context(), c.micros())).isEqualTo(Optional.ofNullable(c.expected()));
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
