package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MembershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider ended the subscription (Stripe's {@code customer.subscription.deleted}). */
public record EndMembership(@TargetAggregateIdentifier MembershipId membershipId, String reason)
        implements MembershipCommand {}
