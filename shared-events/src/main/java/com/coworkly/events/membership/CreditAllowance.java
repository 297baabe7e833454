package com.coworkly.events.membership;

import com.coworkly.events.catalogue.ResourceKind;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The credits a plan grants each period: booking time, usable on resources of the given kinds. Credits are
 * counted in minutes, so that "10 meeting-room hours" is 600 and a half-hour booking spends 30 (docs/memberships.md).
 */
public record CreditAllowance(long minutes, Set<ResourceKind> resourceKinds) {

    public static final CreditAllowance NONE = new CreditAllowance(0, Set.of());

    public CreditAllowance {
        Objects.requireNonNull(resourceKinds, "resource kinds");
        if (minutes < 0) {
            throw new IllegalArgumentException("credits cannot be negative: " + minutes);
        }
        // Sorted, so that the same allowance is always written alike (a Set.copyOf iterates in a per-JVM order).
        resourceKinds = Collections.unmodifiableSet(new TreeSet<>(resourceKinds));
        if (minutes > 0 && resourceKinds.isEmpty()) {
            throw new IllegalArgumentException("credits must be usable on at least one kind of resource");
        }
    }

    public static CreditAllowance of(Duration time, Set<ResourceKind> kinds) {
        return new CreditAllowance(time.toMinutes(), kinds);
    }

    public boolean covers(ResourceKind kind) {
        return minutes > 0 && resourceKinds.contains(kind);
    }
}
