package com.coworkly.queryside.memberships;

import java.time.Instant;

/** A member's membership as the memberships read model answers it. */
final class MembershipViews {

    private MembershipViews() {}

    /**
     * {@code status}: {@code PENDING_PAYMENT}, {@code ACTIVE}, {@code PAST_DUE} (a renewal failed, its grace runs),
     * {@code SUSPENDED}, {@code ENDING} (cancelled, runs to {@code endsAt}) or {@code ENDED}. {@code paidUntil} and
     * {@code endsAt} are null until they are known. {@code nextPlan} is the plan the membership moves to from
     * {@code nextPlan.from} (the end of the period paid for), null when no change is scheduled.
     */
    record MembershipView(
            String membershipId,
            String planId,
            String planName,
            int planRevision,
            PlanViews.Price monthlyPrice,
            String status,
            Instant requestedAt,
            Instant paidUntil,
            Instant endsAt,
            NextPlan nextPlan) {}

    /** {@code name} is the plan's at its newest revision, which is the one the next period takes. */
    record NextPlan(String planId, String name, Instant from) {}
}
