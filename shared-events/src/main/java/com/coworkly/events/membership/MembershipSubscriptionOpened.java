package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import org.axonframework.serialization.Revision;

/**
 * The billing provider opened the membership's subscription: {@code subscriptionId} is its id there, and
 * {@code itemId} the subscription's line for the plan (Stripe's subscription item), which a plan change moves to the
 * new plan's price. Kept so that cancellations and plan changes can be told to the provider later.
 */
@Revision("1")
public record MembershipSubscriptionOpened(
        MembershipId membershipId, MemberId memberId, String provider, String subscriptionId, String itemId)
        implements MembershipEvent {}
