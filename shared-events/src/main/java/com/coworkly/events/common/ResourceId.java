package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a bookable resource (desk, room, office). Serialized as its bare string. */
public record ResourceId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ResourceId {
        Objects.requireNonNull(value, "resource id");
    }

    public static ResourceId random() {
        return new ResourceId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
