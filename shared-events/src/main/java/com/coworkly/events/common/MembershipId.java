package com.coworkly.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one member's subscription to a plan. Serialized as its bare string. */
public record MembershipId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MembershipId {
        Objects.requireNonNull(value, "membership id");
    }

    public static MembershipId random() {
        return new MembershipId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
