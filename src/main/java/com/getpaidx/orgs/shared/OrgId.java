package com.getpaidx.orgs.shared;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record OrgId(UUID value) {

    public OrgId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static OrgId of(UUID value) {
        return new OrgId(value);
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
