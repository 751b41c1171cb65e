package com.getpaidx.orgs.billing.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.getpaidx.orgs.billing.stripe.StripeProperties;

/**
 * The sandbox is the payment provider exactly when Stripe is not: the rule is
 * {@link StripeProperties#enabled()}, the one the Stripe adapter follows too. (A plain
 * {@code @ConditionalOnProperty} would take the empty {@code STRIPE_SECRET_KEY} default for a key.)
 */
class PaymentSandboxCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean stripe = Binder.get(context.getEnvironment()).bind("getpaidx.stripe", StripeProperties.class)
                .map(StripeProperties::enabled).orElse(false);
        return stripe
                ? ConditionOutcome.noMatch("getpaidx.stripe.secret-key is set: Stripe is the payment provider")
                : ConditionOutcome.match("no getpaidx.stripe.secret-key: the payment sandbox plays Stripe");
    }
}
