package com.getpaidx.orgs.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container recipe (Dockerfile, compose.yaml). No container engine runs on the build machines (a docker client
 * without a daemon at most), so this checks what can be checked without one: every variable the recipe gives the
 * service is a documented setting (README's configuration table, or Spring Boot's configuration metadata, which
 * docs/operations.md is generated from), and the recipe's shape: a multi-stage build with the wrapper, a JRE of 21 or
 * newer, Spring Boot's layers, a user that is not root, PostgreSQL 17 and Mailpit, health checks everywhere.
 * The external-database path itself runs in {@code ExternalDatabaseTests}.
 */
class ContainerRecipeTests {

    static final Path DOCKERFILE = Path.of("Dockerfile");
    static final Path COMPOSE = Path.of("compose.yaml");

    final ConfigurationMetadata metadata = ConfigurationMetadata.everything();
    final String readme = read(Path.of("README.md"));

    boolean documented(String variable) {
        return readme.contains("(`" + variable + "`)") || metadata.hasEnvironmentVariable(variable);
    }

    @Test
    void everyVariableTheRecipeSetsIsADocumentedSetting() {
        List<String> variables = new ArrayList<>(serviceEnvironment().keySet());
        variables.addAll(dockerfileEnvironment());
        assertThat(variables).contains("SPRING_DATASOURCE_URL", "SPRING_MAIL_HOST", "GETPAIDX_BIND_ADDRESS");
        assertThat(variables.stream().filter(v -> !documented(v)).toList())
                .as("variables of the recipe that no setting documents").isEmpty();
    }

    @Test
    void theCheckRefusesAVariableNoSettingDocuments() {
        assertThat(documented("GETPAIDX_NO_SUCH_SETTING")).isFalse();
        assertThat(documented("SPRING_DATASOURCE_URLS")).isFalse();
        assertThat(documented("GETPAIDX_PAYMENTS_SANDBOX")).as("README row").isTrue();
        assertThat(documented("GETPAIDX_USAGE_MAXBATCH")).as("the service's metadata").isTrue();
        assertThat(documented("GETPAIDX_USAGE_MAX_BATCH")).as("dashes as underscores").isTrue();
        assertThat(documented("GETPAIDX_EMBEDDEDDATABASE_SETTINGS_WORK_MEM")).as("a map entry").isTrue();
    }

    @Test
    void theImageIsBuiltWithTheWrapperAndRunsFromLayersOnAJreAsAUserThatIsNotRoot() {
        String dockerfile = read(DOCKERFILE);
        List<String> stages = matches(dockerfile, "(?m)^FROM\\s+(\\S+)");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).matches("eclipse-temurin:\\d+-jdk");
        Matcher runtime = Pattern.compile("eclipse-temurin:(\\d+)-jre").matcher(stages.get(1));
        assertThat(runtime.matches()).as(stages.get(1)).isTrue();
        assertThat(Integer.parseInt(runtime.group(1))).isGreaterThanOrEqualTo(21);
        assertThat(dockerfile).contains("./mvnw").contains("-Djarmode=tools").contains("extract --layers --launcher")
                .contains("org.springframework.boot.loader.launch.JarLauncher").contains("HEALTHCHECK");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=build /layers/" + layer + "/");
        }
        List<String> users = matches(dockerfile, "(?m)^USER\\s+(\\S+)");
        assertThat(users).isNotEmpty();
        assertThat(users.getLast()).isNotIn("root", "0");
        assertThat(dockerfile.lastIndexOf("USER ")).isGreaterThan(dockerfile.lastIndexOf("COPY --from"));
    }

    @Test
    void composeRunsTheServiceWithPostgres17AndMailpitEachWithAHealthCheck() {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsOnlyKeys("postgres", "mailpit", "orgs");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:17");
        assertThat((String) services.get("mailpit").get("image")).startsWith("axllent/mailpit");
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        @SuppressWarnings("unchecked")
        var dependsOn = (Map<String, Map<String, String>>) services.get("orgs").get("depends_on");
        assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        assertThat(serviceEnvironment().get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/getpaidx");
        assertThat(serviceEnvironment().get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml().load(read(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> serviceEnvironment() {
        return (Map<String, Object>) services().get("orgs").get("environment");
    }

    List<String> dockerfileEnvironment() {
        return matches(read(DOCKERFILE), "(?m)^ENV\\s+([A-Z0-9_]+)=");
    }

    static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        }
        catch (IOException e) {
            throw new AssertionError("cannot read " + path.toAbsolutePath(), e);
        }
    }
}
