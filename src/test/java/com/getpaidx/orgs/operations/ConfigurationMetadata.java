package com.getpaidx.orgs.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings as Spring Boot's configuration processor describes them: {@code META-INF/spring-configuration-metadata.json}
 * of this service (written at compile time from the {@code @ConfigurationProperties} classes and their Javadoc) and
 * of every library on the class path (Spring Boot's own {@code server.*}, {@code spring.*}, {@code management.*}).
 */
record ConfigurationMetadata(Map<String, Property> properties) {

    record Property(String name, String type, String description, String defaultValue) {
    }

    static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

    /** This service's own settings: the metadata file that is not inside a jar. */
    static ConfigurationMetadata service() {
        return read(true);
    }

    /** Every setting any metadata on the class path describes, the service's included. */
    static ConfigurationMetadata everything() {
        return read(false);
    }

    /** Spring Boot's relaxed binding from the environment: dots to underscores, dashes dropped, upper case. */
    static String environmentVariable(String property) {
        return property.replace(".", "_").replace("-", "").replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
    }

    /** Also accepted by Spring Boot: dashes as underscores ({@code GETPAIDX_USAGE_MAX_BATCH}). */
    static String legacyEnvironmentVariable(String property) {
        return environmentVariable(property.replace("-", "_"));
    }

    boolean hasEnvironmentVariable(String variable) {
        return properties.keySet().stream().anyMatch(name -> matches(variable, environmentVariable(name), name)
                || matches(variable, legacyEnvironmentVariable(name), name));
    }

    private boolean matches(String variable, String mapped, String name) {
        return mapped.equals(variable) || variable.startsWith(mapped + "_") && isMap(properties.get(name));
    }

    private static boolean isMap(Property property) {
        return property.type() != null && property.type().startsWith("java.util.Map");
    }

    private static ConfigurationMetadata read(boolean serviceOnly) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Property> properties = new TreeMap<>();
        try {
            boolean found = false;
            for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(RESOURCE))) {
                if (serviceOnly && !"file".equals(url.getProtocol()) || url.getPath().contains("test-classes")) {
                    continue;
                }
                found |= "file".equals(url.getProtocol());
                try (InputStream in = url.openStream()) {
                    for (JsonNode p : json.readTree(in).path("properties")) {
                        String name = p.get("name").asString();
                        properties.putIfAbsent(name, new Property(name, text(p, "type"), text(p, "description"),
                                p.has("defaultValue") ? render(p.get("defaultValue")) : null));
                    }
                }
            }
            if (!found) {
                throw new IllegalStateException("no " + RESOURCE + " in target/classes: is the configuration "
                        + "processor in the compiler's annotationProcessorPaths (pom.xml)?");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationMetadata(properties);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    private static String render(JsonNode value) {
        if (value.isArray()) {
            var parts = new java.util.ArrayList<String>();
            value.forEach(v -> parts.add(v.asString()));
            return String.join(",", parts);
        }
        return value.asString();
    }
}
