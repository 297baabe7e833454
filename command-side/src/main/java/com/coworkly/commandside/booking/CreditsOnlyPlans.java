package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;

/**
 * Whether a member's live membership is on a plan that takes only credits for the resources it covers: a booking
 * of such a resource that the credits do not cover in full is refused rather than paid by card.
 */
public interface CreditsOnlyPlans {

    boolean takesOnlyCredits(MemberId member, ResourceKind kind, SpaceId space);
}
