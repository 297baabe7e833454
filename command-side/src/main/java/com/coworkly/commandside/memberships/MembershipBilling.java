package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.PlanTerms;

import java.util.Optional;

/**
 * Where membership fees are collected: Stripe Billing in production, a simulation in the demo. Called outside any
 * database transaction, idempotent by the membership, so a retried call opens one subscription.
 */
public interface MembershipBilling {

    /** What the member subscribes to: the plan's revision at the time, and its terms. */
    record Request(MembershipId membershipId, MemberId memberId, PlanId planId, int planRevision, PlanTerms terms) {}

    /** A period's fee collected there and then (the simulation does; Stripe tells by webhook). */
    record CollectedPeriod(String invoiceId, Period period, Money fee) {}

    /**
     * The subscription the provider opened: {@code clientSecret} is what the member's app confirms the first
     * payment with (none when it was collected at once).
     */
    record Subscription(
            String provider, String subscriptionId, String clientSecret, Optional<CollectedPeriod> collectedAtOnce) {}

    Subscription subscribe(Request request);
}
