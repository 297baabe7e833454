package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a company account: the business that holds seats for its members. Serialized as its bare string. */
public record CompanyId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CompanyId {
        Objects.requireNonNull(value, "company id");
    }

    public static CompanyId random() {
        return new CompanyId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
