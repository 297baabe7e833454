package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a series of recurring bookings, placed together. Serialized as its bare string. */
public record SeriesId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SeriesId {
        Objects.requireNonNull(value, "series id");
    }

    public static SeriesId random() {
        return new SeriesId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
