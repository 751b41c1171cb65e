package com.getpaidx.orgs.shared.apidocs;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Schemas of records from their Java types: a component is required and non-null unless it is {@code @Nullable}
 * (then it may be null or absent). Two types may not share a schema name: the document would silently describe
 * one with the other's fields.
 */
class RecordSchemas implements ModelConverter {

    private final Map<String, Class<?>> names = new ConcurrentHashMap<>();
    private final List<String> collisions = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = rawClass(type.getType());
        if (resolved == null || raw == null) {
            return resolved;
        }
        if (raw.isAnnotationPresent(JsonSubTypes.class)) {
            mapDiscriminator(raw, resolved, context);
        }
        if (!raw.isRecord()) {
            return resolved;
        }
        // a record resolved as a reference is defined in the context under that name
        String name = resolved.get$ref() == null ? resolved.getName()
                : resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
        Schema schema = resolved.get$ref() == null ? resolved : context.getDefinedModels().get(name);
        if (schema == null || schema.getProperties() == null) {
            return resolved;
        }
        claimName(name, raw);
        List<String> required = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema property = (Schema) schema.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            if (nullable(component)) {
                schema.getProperties().put(component.getName(), orNull(property));
            }
            else {
                required.add(component.getName());
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
        return resolved;
    }

    /** Jackson's type names (not the schema names) are what the discriminator property carries. */
    private static void mapDiscriminator(Class<?> raw, Schema resolved, ModelConverterContext context) {
        Schema model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getDiscriminator() == null) {
            return;
        }
        for (JsonSubTypes.Type subtype : raw.getAnnotation(JsonSubTypes.class).value()) {
            if (!subtype.name().isEmpty()) {
                model.getDiscriminator().mapping(subtype.name(),
                        "#/components/schemas/" + subtype.value().getSimpleName());
            }
        }
    }

    private void claimName(String name, Class<?> type) {
        if (name == null) {
            return;
        }
        Class<?> earlier = names.putIfAbsent(name, type);
        if (earlier != null && !earlier.equals(type)) {
            String collision = "Two types would be the schema " + name + ": " + earlier.getName() + " and "
                    + type.getName() + ". Give one a distinct @Schema(name = ...).";
            collisions.add(collision);
            throw new IllegalStateException(collision);
        }
    }

    /** Springdoc logs what a converter throws and goes on: the document's last step asks here and refuses. */
    List<String> collisions() {
        return List.copyOf(collisions);
    }

    static boolean nullable(RecordComponent component) {
        return named(component.getAnnotatedType()) || named(component.getAccessor())
                || (component.getDeclaringRecord() != null && fieldNullable(component));
    }

    private static boolean fieldNullable(RecordComponent component) {
        try {
            return named(component.getDeclaringRecord().getDeclaredField(component.getName()));
        }
        catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** JSpecify's {@code @Nullable} (type use) or any other annotation of that name (declaration). */
    private static boolean named(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
    }

    /** In OpenAPI 3.1 a nullable value is a type that includes "null"; a reference becomes "that, or null". */
    static Schema orNull(Schema property) {
        if (property.get$ref() != null || property.getAllOf() != null || property.getOneOf() != null) {
            return new JsonSchema().oneOf(List.of(property, new JsonSchema().types(Set.of("null"))))
                    .description(property.getDescription());
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        }
        else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        if (type instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
