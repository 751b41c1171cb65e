package com.getpaidx.orgs.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EmbeddedPostgresConfigurationTests {

    @Test
    void anUnusableDataDirectoryStopsStartWithAnExplanation(@TempDir Path temp) throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("occupied"), "a file where the cluster should go");
        var properties = new EmbeddedDatabaseProperties(notADirectory, true, false, null);

        assertThatThrownBy(() -> new EmbeddedPostgresConfiguration().embeddedPostgres(properties))
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
                .run(context -> assertThat(context).doesNotHaveBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class));
    }

    @Test
    void theDataSurvivesARestartInTheSameDirectory(@TempDir Path temp) throws Exception {
        var properties = new EmbeddedDatabaseProperties(temp.resolve("pg"), false, false, null);
        var configuration = new EmbeddedPostgresConfiguration();
        try (var first = configuration.embeddedPostgres(properties);
             var connection = first.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        try (var second = configuration.embeddedPostgres(properties);
             var connection = second.getPostgresDatabase().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    private static ConditionContext context(MockEnvironment environment) {
        ConditionContext context = mock(ConditionContext.class);
        when(context.getEnvironment()).thenReturn(environment);
        return context;
    }
}
