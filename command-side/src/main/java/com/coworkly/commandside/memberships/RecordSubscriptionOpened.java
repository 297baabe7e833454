package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MembershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The billing provider answered with the membership's subscription ({@link MembershipCheckout}). */
public record RecordSubscriptionOpened(
        @TargetAggregateIdentifier MembershipId membershipId, String provider, String subscriptionId, String itemId)
        implements MembershipCommand {}
