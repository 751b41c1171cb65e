package com.getpaidx.orgs.mail.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the {@link OutboxSender}; on every instance, since claiming rows is what divides the work. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxScheduling {
}
