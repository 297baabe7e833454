package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member (or an administrator) moves the membership to another plan from its next period. */
public record ChangePlan(@TargetAggregateIdentifier MembershipId membershipId, PlanId planId)
        implements MembershipCommand {}
