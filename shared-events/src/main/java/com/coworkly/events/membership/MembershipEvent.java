package com.coworkly.events.membership;

import com.coworkly.events.common.MembershipId;

/** Everything that happens to a membership; projections switch over it exhaustively. */
public sealed interface MembershipEvent
        permits MembershipRequested,
                MembershipPeriodPaid,
                MembershipPaymentFailed,
                MembershipSuspended,
                MembershipCancellationScheduled,
                MembershipEnded,
                MembershipPlanChangeScheduled,
                MembershipPlanChanged,
                MembershipSubscriptionOpened {

    MembershipId membershipId();
}
