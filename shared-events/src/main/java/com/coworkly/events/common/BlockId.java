package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a maintenance block on a resource. Serialized as its bare string. */
public record BlockId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public BlockId {
        Objects.requireNonNull(value, "block id");
    }

    public static BlockId random() {
        return new BlockId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
