package com.getpaidx.orgs.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 as a child process when no database URL is configured,
 * and hands its coordinates to Boot, so Hikari, Flyway and the health check use it like any other.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        Path directory = dataDirectory(properties);
        OrphanedPostmaster.stopIfAny(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(0)
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.throwAway())
                .setRegisterShutdownHook(false);
        properties.settings().forEach(builder::setServerConfig);
        if (properties.durable()) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), directory.toAbsolutePath());
            return postgres;
        }
        catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseUnavailable(
                    "The embedded PostgreSQL could not start with data directory " + directory.toAbsolutePath()
                            + ": " + rootMessage(e),
                    "Check that the directory is writable and not used by another running instance, "
                            + "set getpaidx.embedded-database.data-directory to another directory, "
                            + "or set SPRING_DATASOURCE_URL to use an existing PostgreSQL.",
                    e);
        }
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    private static Path dataDirectory(EmbeddedDatabaseProperties properties) {
        try {
            if (properties.throwAway()) {
                return Files.createTempDirectory("getpaidx-pg-");
            }
            Path directory = properties.dataDirectory();
            Files.createDirectories(directory);
            if (!Files.isWritable(directory)) {
                throw new IOException("not writable");
            }
            return directory;
        }
        catch (IOException e) {
            throw new EmbeddedDatabaseUnavailable(
                    "The embedded PostgreSQL data directory " + properties.dataDirectory() + " is unusable: " + rootMessage(e),
                    "Make the directory writable or set getpaidx.embedded-database.data-directory to another one.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
