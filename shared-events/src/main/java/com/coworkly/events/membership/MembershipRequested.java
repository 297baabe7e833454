package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

/**
 * A member subscribed to a plan, at the revision it was on sale with; the membership is active once its first
 * period is paid. The terms are kept as subscribed, so that a later revision changes nothing already sold.
 */
@Revision("1")
public record MembershipRequested(
        MembershipId membershipId, MemberId memberId, PlanId planId, int planRevision, PlanTerms terms)
        implements MembershipEvent {}
