package com.coworkly.events.membership;

import com.coworkly.events.common.SpaceId;

import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a plan's members may spend its credits: every space of the network whose prices are in the plan's
 * currency (also spaces opened later), or the named spaces only.
 */
public record PlanCoverage(boolean wholeNetwork, Set<SpaceId> spaces) {

    public PlanCoverage {
        Objects.requireNonNull(spaces, "spaces");
        // Sorted, so that the same coverage is always written alike (a Set.copyOf iterates in a per-JVM order).
        TreeSet<SpaceId> sorted = new TreeSet<>(Comparator.comparing(SpaceId::value));
        sorted.addAll(spaces);
        spaces = Collections.unmodifiableSet(sorted);
        if (wholeNetwork == !spaces.isEmpty()) {
            throw new IllegalArgumentException("a plan covers the whole network or names its spaces, not both");
        }
    }

    public static PlanCoverage network() {
        return new PlanCoverage(true, Set.of());
    }

    public static PlanCoverage only(Set<SpaceId> spaces) {
        return new PlanCoverage(false, spaces);
    }

    public boolean covers(SpaceId space) {
        return wholeNetwork || spaces.contains(space);
    }
}
