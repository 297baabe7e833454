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
            String provider,
            String subscriptionId,
            String itemId,
            String clientSecret,
            Optional<CollectedPeriod> collectedAtOnce) {}

    /** A subscription the provider opened earlier, as {@code MembershipSubscriptionOpened} recorded it. */
    record OpenedSubscription(MembershipId membershipId, String subscriptionId, String itemId) {}

    /** The provider's name, as {@code MembershipSubscriptionOpened} records it. */
    String provider();

    Subscription subscribe(Request request);

    /**
     * From the next invoice on, the subscription bills {@code plan}'s price instead, without prorating the period
     * already paid. {@code idempotencyKey} names this one change, so a retry makes it once.
     */
    void changePlan(
            OpenedSubscription subscription, PlanId plan, int planRevision, PlanTerms terms, String idempotencyKey);

    /** The subscription ends when the period paid for does: no further invoice. Asking twice is harmless. */
    void cancelAtPeriodEnd(OpenedSubscription subscription);
}
