package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a coworking space across the whole network. Serialized as its bare string. */
public record SpaceId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SpaceId {
        Objects.requireNonNull(value, "space id");
    }

    public static SpaceId random() {
        return new SpaceId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
