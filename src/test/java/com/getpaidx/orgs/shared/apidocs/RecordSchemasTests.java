package com.getpaidx.orgs.shared.apidocs;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSchemasTests {

    record Child(String name) {
    }

    record Parent(String id, @Nullable String note, @Nullable Child child, Child other, List<Child> children, int count) {
    }

    static class One {
        record Same(String a) {
        }
    }

    static class Two {
        record Same(String b) {
        }
    }

    private static Map<String, Schema> read(RecordSchemas converter, Class<?>... types) {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(converter);
        Map<String, Schema> all = new java.util.TreeMap<>();
        for (Class<?> type : types) {
            all.putAll(converters.readAll(type));
        }
        return all;
    }

    @Test
    void nonNullComponentsAreRequiredAndNullableOnesMayBeNull() {
        Schema parent = read(new RecordSchemas(), Parent.class).get("Parent");
        assertThat(parent.getRequired()).containsExactlyInAnyOrder("id", "other", "children", "count");
        assertThat(((Schema<?>) parent.getProperties().get("note")).getTypes()).containsExactlyInAnyOrder("string", "null");
        Schema<?> child = (Schema<?>) parent.getProperties().get("child");
        assertThat(child.getOneOf()).hasSize(2);
        assertThat(child.getOneOf().get(0).get$ref()).endsWith("/Child");
        assertThat(child.getOneOf().get(1).getTypes()).containsExactly("null");
        assertThat(((Schema<?>) parent.getProperties().get("other")).get$ref()).endsWith("/Child");
    }

    @Test
    void twoTypesOfOneSchemaNameAreRefused() {
        RecordSchemas converter = new RecordSchemas();
        try {
            read(converter, One.Same.class, Two.Same.class);
        }
        catch (IllegalStateException expected) {
            // either way the collision is kept for the document's last step
        }
        assertThat(converter.collisions()).singleElement().asString().contains("Same");
        assertThatThrownBy(() -> new ApiOutcomes(converter).customise(new io.swagger.v3.oas.models.OpenAPI()))
                .hasMessageContaining("Two types would be the schema Same");
    }
}
