package com.coworkly.queryside.credits;

import java.time.Instant;
import java.util.List;

/** The shapes in which the credits read model answers. */
final class CreditViews {

    private CreditViews() {}

    record Grant(String grantId, long granted, long remaining, List<String> resourceKinds, Instant expiresAt) {}

    /** What a member may spend now: the grants that have not expired, soonest to expire first. */
    record Balance(long minutes, List<Grant> grants) {}

    /**
     * One movement of one grant: {@code GRANTED}, {@code SPENT} (negative), {@code RETURNED}, {@code EXPIRED}
     * (negative), or {@code FORFEITED}: minutes a cancellation could not give back because their grant had expired,
     * which move nothing.
     */
    record Entry(long position, String kind, long minutes, String grantId, String bookingId, Instant at) {}
}
