package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record Subscribe(@TargetAggregateIdentifier MembershipId membershipId, MemberId memberId, PlanId planId)
        implements MembershipCommand {}
