package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

/**
 * A scheduled plan change took effect with the period paid right after it: from {@code previousPlanId} to
 * {@code planId}, at the revision and terms in force then, which that period's credits follow.
 */
@Revision("1")
public record MembershipPlanChanged(
        MembershipId membershipId,
        MemberId memberId,
        PlanId previousPlanId,
        PlanId planId,
        int planRevision,
        PlanTerms terms)
        implements MembershipEvent {}
