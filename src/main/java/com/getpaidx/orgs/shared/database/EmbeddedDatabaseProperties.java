package com.getpaidx.orgs.shared.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster lives between runs
 * @param durable fsync, synchronous commit and full-page writes on, so an acknowledged write survives a crash
 * @param throwAway a fresh temporary directory instead, deleted on shutdown (tests)
 * @param settings further PostgreSQL server settings, e.g. {@code shared_preload_libraries=pg_stat_statements}
 *        for the benchmark's round-trip count; the durability settings above win over these
 */
@ConfigurationProperties("getpaidx.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue(".data/postgres") Path dataDirectory,
        @DefaultValue("true") boolean durable,
        @DefaultValue("false") boolean throwAway,
        Map<String, String> settings) {

    public EmbeddedDatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
