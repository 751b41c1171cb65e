package com.getpaidx.orgs.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.getpaidx.orgs.shared.StartupRefused;

/**
 * Starts PostgreSQL 17 as a child process when no database URL is configured,
 * and hands its coordinates to Boot, so Hikari, Flyway and the health check use it like any other.
 * It listens on 127.0.0.1 only and asks for the password kept beside its data ({@link ClusterPassword}).
 * It is a convenience for one machine: production refuses it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedCluster embeddedPostgres(EmbeddedDatabaseProperties properties, Environment environment) {
        if ("production".equalsIgnoreCase(environment.getProperty("getpaidx.environment", "local"))) {
            throw new StartupRefused("The embedded PostgreSQL is refused in production (getpaidx.environment=production):"
                    + " it lives and dies with this process, on this machine's disk, without backups",
                    "Set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to a"
                            + " PostgreSQL of your own.");
        }
        return start(properties);
    }

    EmbeddedCluster start(EmbeddedDatabaseProperties properties) {
        Path directory = dataDirectory(properties);
        OrphanedPostmaster.stopIfAny(directory);
        try {
            String password = ClusterPassword.storedOrNew(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(0)
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(properties.throwAway())
                    .setRegisterShutdownHook(false)
                    .setConnectConfig("password", password);
            properties.settings().forEach(builder::setServerConfig);
            builder.setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256");
            // zonky starts postgres with -F (fsync off); these come later on its command line and win
            if (properties.durable()) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                ClusterPassword.secure(postgres.getPostgresDatabase(), directory, password);
            }
            catch (IOException | SQLException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {} (password in {})", postgres.getPort(),
                    directory.toAbsolutePath(), ClusterPassword.FILE);
            return new EmbeddedCluster(postgres, password);
        }
        catch (IOException | SQLException | RuntimeException e) {
            throw new EmbeddedDatabaseUnavailable(
                    "The embedded PostgreSQL could not start with data directory " + directory.toAbsolutePath()
                            + ": " + rootMessage(e),
                    "Check that the directory is writable and not used by another running instance, "
                            + "set getpaidx.embedded-database.data-directory to another directory, "
                            + "or set SPRING_DATASOURCE_URL to use an existing PostgreSQL. A cluster that refuses its "
                            + "password lost the file " + ClusterPassword.FILE + " beside its data: restore it.",
                    e);
        }
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedCluster cluster) {
        String url = cluster.jdbcUrl();
        String password = cluster.password();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return password;
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
