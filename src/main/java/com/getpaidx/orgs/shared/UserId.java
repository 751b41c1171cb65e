package com.getpaidx.orgs.shared;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

public record UserId(UUID value) implements java.io.Serializable {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The ids a page form posted under {@code field}: none when it posted none; a blank value (which Spring binds
     * to null) is refused as that field's error, not a 500.
     */
    public static List<UserId> formList(String field, @Nullable Collection<UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.contains(null)) {
            throw new InvalidInput(field, "must not contain a blank id");
        }
        return ids.stream().map(UserId::new).toList();
    }

    @JsonCreator
    public static UserId of(UUID value) {
        return new UserId(value);
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
