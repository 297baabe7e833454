package com.coworkly.queryside.memberships;

import java.time.Instant;

/** A member's membership as the memberships read model answers it. */
final class MembershipViews {

    private MembershipViews() {}

    /**
     * {@code status}: {@code PENDING_PAYMENT}, {@code ACTIVE}, {@code PAST_DUE} (a renewal failed, its grace runs),
     * {@code SUSPENDED}, {@code ENDING} (cancelled, runs to {@code endsAt}) or {@code ENDED}. {@code paidUntil} and
     * {@code endsAt} are null until they are known.
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
            Instant endsAt) {}
}
