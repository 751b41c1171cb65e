package com.getpaidx.orgs.operations;

import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.getpaidx.orgs.operations.ConfigurationMetadata.Property;

/**
 * Renders docs/operations.md's settings tables from the configuration metadata: the service's own settings (every
 * {@code @ConfigurationProperties} property, described by its Javadoc) and the Spring Boot settings an operator of
 * this service sets. A default is application.properties' value where it sets one, else the metadata's.
 */
final class SettingsTable {

    /** Spring Boot's settings worth an operator's attention here; each must exist in Boot's metadata. */
    static final List<String> SPRING_BOOT_SETTINGS = List.of(
            "server.port", "server.address", "server.forward-headers-strategy", "server.shutdown",
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.datasource.hikari.maximum-pool-size", "spring.mail.host", "spring.mail.port",
            "spring.mail.username", "spring.mail.password", "management.server.port",
            "management.endpoint.health.show-details", "logging.structured.format.console",
            "spring.lifecycle.timeout-per-shutdown-phase");

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+):(.*)}$");

    private SettingsTable() {
    }

    static String render(ConfigurationMetadata service, ConfigurationMetadata everything, Properties application) {
        var out = new StringBuilder();
        out.append("### The service's settings\n\n");
        table(out, service.properties().values().stream().toList(), application);
        out.append("\n### Spring Boot's settings an operator sets\n\n");
        List<Property> boot = SPRING_BOOT_SETTINGS.stream().map(name -> {
            Property property = everything.properties().get(name);
            if (property == null) {
                throw new IllegalStateException(name + " is in no configuration metadata on the class path");
            }
            return property;
        }).toList();
        table(out, boot, application);
        return out.toString();
    }

    private static void table(StringBuilder out, List<Property> properties, Properties application) {
        out.append("| Property | Environment variable | Default | Meaning |\n|---|---|---|---|\n");
        for (Property property : properties) {
            String configured = application.getProperty(property.name());
            String variable = ConfigurationMetadata.environmentVariable(property.name()) + suffix(property);
            String fallback = property.defaultValue();
            if (configured != null) {
                Matcher placeholder = PLACEHOLDER.matcher(configured);
                if (placeholder.matches()) {
                    variable = placeholder.group(1) + "` or `" + variable;
                    fallback = placeholder.group(2);
                }
                else {
                    fallback = configured;
                }
            }
            out.append("| `").append(property.name()).append(suffix(property).isEmpty() ? "" : "…")
                    .append("` | `").append(variable).append("` | ")
                    .append(fallback == null || fallback.isEmpty() ? "—" : "`" + fallback + "`").append(" | ")
                    .append(meaning(property.description())).append(" |\n");
        }
    }

    private static String suffix(Property property) {
        String type = property.type() == null ? "" : property.type();
        return type.startsWith("java.util.Map") ? "_…" : type.startsWith("java.util.List") ? "_<n>_…" : "";
    }

    static String meaning(String description) {
        if (description == null || description.isBlank()) {
            return "—";
        }
        String text = description.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link ([^}]*)}", "`$1`")
                .replaceAll("\\s+", " ").replace("|", "\\|").strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
