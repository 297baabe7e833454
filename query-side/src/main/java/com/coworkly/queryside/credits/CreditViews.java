package com.coworkly.queryside.credits;

import java.time.Instant;
import java.util.List;

/** The shapes in which the credits read model answers. */
public final class CreditViews {

    private CreditViews() {}

    public record Grant(String grantId, long granted, long remaining, List<String> resourceKinds, Instant expiresAt) {}

    /** What a member (or a company's seat holders, from its pool) may spend now: the grants that have not expired, soonest to expire first. */
    public record Balance(long minutes, List<Grant> grants) {}

    /**
     * One movement of one grant: {@code GRANTED}, {@code SPENT} (negative), {@code RETURNED}, {@code EXPIRED}
     * (negative), {@code ROLLED_OVER} (negative on the grant that ended, positive on the next period's), or, moving
     * nothing, {@code FORFEITED}: minutes a cancellation could not give back because their grant had expired, and
     * {@code CARRIED_OVER}: minutes of a grant that ended kept for the next period's grant, spendable meanwhile.
     */
    public record Entry(long position, String kind, long minutes, String grantId, String bookingId, Instant at) {}
}
