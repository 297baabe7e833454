package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The member asked to move to {@code planId} from the next period, the one that starts at {@code fromPeriodStart}
 * (the end of the period paid for). A later request replaces this one; asking for the plan the membership is on
 * withdraws it.
 */
@Revision("1")
public record MembershipPlanChangeScheduled(
        MembershipId membershipId, MemberId memberId, PlanId planId, Instant fromPeriodStart)
        implements MembershipEvent {}
