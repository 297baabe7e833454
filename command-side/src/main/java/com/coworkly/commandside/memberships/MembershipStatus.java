package com.coworkly.commandside.memberships;

enum MembershipStatus {
    /** Subscribed, its first period not paid yet. */
    PENDING_PAYMENT,
    ACTIVE,
    /** A renewal failed; its grace period runs. */
    PAST_DUE,
    SUSPENDED,
    ENDED
}
