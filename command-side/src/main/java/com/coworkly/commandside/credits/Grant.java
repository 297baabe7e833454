package com.coworkly.commandside.credits;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.credits.CreditsGranted;
import com.coworkly.events.membership.PlanCoverage;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * One grant of a ledger as its decisions see it: what is left of it, on what it may be spent, until when, and how
 * much of it may carry into the next period ({@code rolloverCap}); {@code carried} once its period has ended and
 * what it kept waits for the next grant (until its {@code expiresAt}, moved on to then).
 */
record Grant(
        String grantId,
        long remaining,
        Set<ResourceKind> kinds,
        PlanCoverage coverage,
        Instant expiresAt,
        long rolloverCap,
        boolean carried) {

    /**
     * The kinds in their declared order: a snapshot of the ledger then serializes the same way in every JVM (the
     * iteration order of {@code Set.of} changes from run to run).
     */
    Grant {
        EnumSet<ResourceKind> ordered = EnumSet.noneOf(ResourceKind.class);
        ordered.addAll(kinds);
        kinds = Collections.unmodifiableSet(ordered);
    }

    /** Spent in this order: the grant that expires first, so that as few minutes as possible expire unspent. */
    static final Comparator<Grant> SOONEST_TO_EXPIRE =
            Comparator.comparing(Grant::expiresAt).thenComparing(Grant::grantId);

    static Grant of(CreditsGranted granted) {
        return new Grant(
                granted.grantId(),
                granted.minutes(),
                granted.resourceKinds(),
                granted.coverage(),
                granted.expiresAt(),
                granted.rolloverCapMinutes(),
                false);
    }

    boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    boolean pays(ResourceKind kind, SpaceId space, Instant now) {
        return remaining > 0 && isLiveAt(now) && kinds.contains(kind) && coverage.covers(space);
    }

    Grant less(long minutes) {
        return new Grant(grantId, remaining - minutes, kinds, coverage, expiresAt, rolloverCap, carried);
    }

    Grant plus(long minutes) {
        return new Grant(grantId, remaining + minutes, kinds, coverage, expiresAt, rolloverCap, carried);
    }

    /** What is left once the period has ended: up to the cap, the rest expiring. */
    long toCarry() {
        return Math.min(remaining, rolloverCap);
    }

    Grant carriedUntil(Instant until) {
        return new Grant(grantId, remaining, kinds, coverage, until, rolloverCap, true);
    }

    Grant withoutRollover() {
        return new Grant(grantId, remaining, kinds, coverage, expiresAt, 0, carried);
    }
}
