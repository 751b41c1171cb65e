package com.getpaidx.orgs.usage;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.usage.internal.ChargeRules;

import static org.assertj.core.api.Assertions.assertThat;

/** The hot path judges in SQL: {@code usage_refusal} answers every case of the table as ChargeRules does. */
@IntegrationTest
class ChargeRulesSqlIntegrationTests {

    @Autowired JdbcClient jdbc;

    static List<ChargeRuleCases.Case> cases() {
        return ChargeRuleCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDatabaseAppliesTheSameRules(ChargeRuleCases.Case c) {
        ChargeRules.Context ctx = c.context();
        SpendPolicy policy = ctx.policy();
        String refusal = jdbc.sql("""
                SELECT usage_refusal(:active, :paused, :spenders, :selected, :payer, :role, :limit, :spent, :balance, :micros)""")
                .param("active", ctx.orgActive()).param("paused", policy.paused()).param("spenders", policy.spenders().json())
                .param("selected", policy.selectedUserIds().stream().map(u -> u.value()).toArray(UUID[]::new))
                .param("payer", ctx.owner().value()).param("role", ctx.ownerRole().map(r -> r.json()).orElse(null))
                .param("limit", policy.memberMonthlyLimit() == null ? null : policy.memberMonthlyLimit().micros())
                .param("spent", ctx.monthToDate()).param("balance", ctx.balance()).param("micros", c.micros())
                .query(String.class).optional().orElse(null);
        assertThat(refusal).isEqualTo(c.expected());
    }
}
