package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one booking of one resource by one member. Serialized as its bare string. */
public record BookingId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public BookingId {
        Objects.requireNonNull(value, "booking id");
    }

    public static BookingId random() {
        return new BookingId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
