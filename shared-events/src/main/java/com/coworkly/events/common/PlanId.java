package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a membership plan of the network. Serialized as its bare string. */
public record PlanId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PlanId {
        Objects.requireNonNull(value, "plan id");
    }

    public static PlanId random() {
        return new PlanId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
