package com.coworkly.events.catalogue;

import java.util.Objects;

/** What a resource is, as members see it: its kind (desk, meeting room, office, …), name and capacity. */
public record ResourceDescription(ResourceKind kind, String name, int capacity) {

    public ResourceDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least one person");
        }
    }
}
