package com.getpaidx.orgs.billing.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * On every sandbox bean, page and endpoint: they exist only while no Stripe secret key is set, so the
 * sandbox and the Stripe adapter are never both there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(PaymentSandboxCondition.class)
@interface ConditionalOnPaymentSandbox {
}
