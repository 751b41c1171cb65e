package com.getpaidx.orgs.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gaugeRefresh how old a gauge that counts rows (inbox, outbox) may be when scraped: it queries the
 *        database at most once per interval, whatever the number of scrapes
 */
@ConfigurationProperties("getpaidx.metrics")
public record MetricsProperties(@DefaultValue("5s") Duration gaugeRefresh) {
}
