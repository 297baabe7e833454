package com.coworkly.commandside.memberships;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import com.coworkly.platform.web.BusinessRefusal;

/** The ways a membership says no. */
final class MembershipRefusal extends BusinessRefusal {

    private MembershipRefusal(RefusalCode code, Kind kind, String detail) {
        super(code, kind, detail);
    }

    static MembershipRefusal alreadySubscribed(MembershipId live) {
        return new MembershipRefusal(
                RefusalCode.ALREADY_SUBSCRIBED,
                Kind.CONFLICT,
                "You already have a membership (" + live + "); cancel it or wait for it to end first.");
    }

    static MembershipRefusal notYours() {
        return new MembershipRefusal(
                RefusalCode.NOT_YOUR_MEMBERSHIP, Kind.FORBIDDEN, "Only the member or an administrator may do this.");
    }

    static MembershipRefusal ended() {
        return new MembershipRefusal(RefusalCode.MEMBERSHIP_ENDED, Kind.CONFLICT, "This membership has ended.");
    }

    static MembershipRefusal notLive() {
        return new MembershipRefusal(
                RefusalCode.MEMBERSHIP_NOT_LIVE,
                Kind.CONFLICT,
                "Only an active or past-due membership that is not cancelled changes plan.");
    }

    static MembershipRefusal alreadyOnPlan(PlanId plan) {
        return new MembershipRefusal(
                RefusalCode.ALREADY_ON_PLAN, Kind.CONFLICT, "This membership is on plan " + plan + " already.");
    }

    static MembershipRefusal otherCurrency(PlanId plan) {
        return new MembershipRefusal(
                RefusalCode.CURRENCY_MISMATCH,
                Kind.INVALID,
                "Plan " + plan
                        + " is sold in another currency than this membership's; a subscription keeps its currency.");
    }
}
