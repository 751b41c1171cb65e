package com.getpaidx.orgs.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refusalPeriod at shutdown, how long the service keeps answering (readiness already refusing) while
 *        it refuses new usage events with 503 {@code shutting_down}, before the web server stops taking
 *        connections: time for a load balancer to see readiness down and for a client to retry elsewhere
 */
@ConfigurationProperties("getpaidx.shutdown")
public record ShutdownProperties(@DefaultValue("2s") Duration refusalPeriod) {
}
