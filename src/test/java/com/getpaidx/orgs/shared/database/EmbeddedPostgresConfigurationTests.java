package com.getpaidx.orgs.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.mock.env.MockEnvironment;

import com.getpaidx.orgs.shared.StartupRefused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EmbeddedPostgresConfigurationTests {

    @Test
    void anUnusableDataDirectoryStopsStartWithAnExplanation(@TempDir Path temp) throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("occupied"), "a file where the cluster should go");
        var properties = new EmbeddedDatabaseProperties(notADirectory, true, false, null);

        assertThatThrownBy(() -> new EmbeddedPostgresConfiguration().start(properties))
                .isInstanceOfSatisfying(EmbeddedDatabaseUnavailable.class, e -> {
                    FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains(notADirectory.toString()).contains("unusable");
                    assertThat(analysis.getAction()).contains("getpaidx.embedded-database.data-directory");
                });
    }

    @Test
    void aConfiguredDatasourceUrlMeansNoEmbeddedDatabase() {
        var noUrl = new MockEnvironment();
        var withUrl = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/orgs");
        assertThat(new NoDatasourceUrl().matches(context(noUrl), null)).isTrue();
        assertThat(new NoDatasourceUrl().matches(context(withUrl), null)).isFalse();
    }

    @Test
    void withADatasourceUrlTheEmbeddedConfigurationCreatesNothing() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db:5432/orgs")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedCluster.class));
    }

    @Test
    void theLocalDefaultIsDurable() {
        var defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("getpaidx.embedded-database", EmbeddedDatabaseProperties.class);
        assertThat(defaults.durable()).as("fsync, synchronous commit and full-page writes on").isTrue();
        assertThat(defaults.throwAway()).isFalse();
    }

    @Test
    void productionRefusesTheEmbeddedDatabase() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("getpaidx.environment=production")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOfSatisfying(StartupRefused.class, refused -> {
                            assertThat(refused).hasMessageContaining("refused in production");
                            assertThat(refused.action()).contains("SPRING_DATASOURCE_URL");
                        }));
    }

    @Test
    void theClusterTakesOnlyItsPasswordAndOnlyOverLoopback(@TempDir Path temp) throws Exception {
        var properties = new EmbeddedDatabaseProperties(temp.resolve("pg"), true, false,
                Map.of("listen_addresses", "*"));
        try (var cluster = new EmbeddedPostgresConfiguration().start(properties)) {
            Path file = temp.resolve("pg").resolve("getpaidx-db-password");
            assertThat(Files.readString(file).trim()).isEqualTo(cluster.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "not-the-password").close())
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", cluster.password())) {
                assertThat(single(connection, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(single(connection, "SHOW fsync")).as("the local default stays durable").isEqualTo("on");
                assertThat(single(connection, "SHOW synchronous_commit")).isEqualTo("on");
                assertThat(single(connection, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"))
                        .isEqualTo("scram-sha-256");
                assertThat(single(connection, "SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = 'postgres'"))
                        .isEqualTo("SCRAM-SHA-256$");
            }
        }
    }

    @Test
    void aClusterFromBeforePasswordsKeepsItsDataAndGetsOne(@TempDir Path temp) throws Exception {
        Path directory = temp.resolve("pg");
        try (var trusting = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
             var connection = trusting.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        var properties = new EmbeddedDatabaseProperties(directory, false, false, null);
        var configuration = new EmbeddedPostgresConfiguration();
        String password;
        try (var first = configuration.start(properties);
             var connection = DriverManager.getConnection(first.jdbcUrl(), "postgres", first.password())) {
            password = first.password();
            assertThat(single(connection, "SELECT v::text FROM kept")).isEqualTo("42");
            assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
        }
        try (var second = configuration.start(properties);
             var connection = DriverManager.getConnection(second.jdbcUrl(), "postgres", password)) {
            assertThat(second.password()).as("read back from the file").isEqualTo(password);
            assertThat(single(connection, "SELECT v::text FROM kept")).isEqualTo("42");
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static ConditionContext context(MockEnvironment environment) {
        ConditionContext context = mock(ConditionContext.class);
        when(context.getEnvironment()).thenReturn(environment);
        return context;
    }
}
