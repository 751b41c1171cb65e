package com.getpaidx.orgs.shared.database;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.getpaidx.orgs.OrganizationsApplication;
import com.getpaidx.orgs.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The path a container takes (compose.yaml): {@code SPRING_DATASOURCE_URL} names a PostgreSQL of its own and the
 * service starts no embedded one. A second PostgreSQL cluster is started here, given a role and a database, and the
 * service runs against it as a separate process (its own JVM, so the suite's one shared context stays alone), with
 * the settings as environment variables, the way an operator sets them. Bounded: four minutes at most (a loaded machine starts a JVM slowly).
 */
@Execution(ExecutionMode.CONCURRENT) // its own processes: runs beside the shared context (junit-platform.properties)
class ExternalDatabaseTests {

    static final Duration START_LIMIT = Duration.ofSeconds(150);

    @Test
    @Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theServiceMigratesAndServesAnExternalPostgresAndStartsNoEmbeddedOne(@TempDir Path workDir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            try (Connection admin = external.getPostgresDatabase().getConnection();
                    Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE orgs LOGIN PASSWORD 'external-secret'");
                sql.execute("CREATE DATABASE orgs OWNER orgs");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/orgs";
            int port = freePort();
            int managementPort = freePort();
            Process service = start(workDir, url, port, managementPort);
            try {
                waitUntilReady(service, managementPort, workDir);
                String email = "external-" + UUID.randomUUID() + "@example.test";
                HttpResponse<String> signup = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/signup"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"email":"%s","password":"a long password","displayName":"Ext"}""".formatted(email)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);

                try (Connection orgs = DriverManager.getConnection(url, "orgs", "external-secret")) {
                    assertThat(count(orgs, "SELECT count(*) FROM app_user WHERE email = '" + email + "'")).isOne();
                    assertThat(count(orgs, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
                    assertThat(count(orgs, "SELECT count(*) FROM flyway_schema_history")).isGreaterThan(20);
                }
                assertThat(workDir.resolve(".data/postgres")).as("no embedded cluster").doesNotExist();
            }
            finally {
                service.destroy();
                if (!service.waitFor(40, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Process start(Path workDir, String url, int port, int managementPort) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ServiceProcess.JVM_OPTIONS);
        command.addAll(List.of("-cp", runtimeClasspath(), OrganizationsApplication.class.getName()));
        var builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("service.log").toFile());
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("GETPAIDX_") || name.startsWith("SPRING_"));
        env.put("SPRING_DATASOURCE_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", "orgs");
        env.put("SPRING_DATASOURCE_PASSWORD", "external-secret");
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        env.put("GETPAIDX_SERVICE_TOKEN", "external-database-test-token-0123456789abcdef");
        return builder.start();
    }

    /** The main code and its libraries, without the test classes (whose configurations the app would scan). */
    private static String runtimeClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void waitUntilReady(Process service, int managementPort, Path workDir) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build();
        try {
            await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("the service exited", () -> !service.isAlive())
                    .until(() -> {
                        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
                    });
        }
        catch (RuntimeException | Error notReady) {
            throw new AssertionError(notReady.getMessage() + ":\n" + log(workDir), notReady);
        }
    }

    private static String log(Path workDir) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("service.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
