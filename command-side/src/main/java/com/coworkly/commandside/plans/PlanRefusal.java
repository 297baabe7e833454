package com.coworkly.commandside.plans;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.web.BusinessRefusal;

import java.util.Currency;

/** The ways a plan says no. */
public final class PlanRefusal extends BusinessRefusal {

    private PlanRefusal(RefusalCode code, Kind kind, String detail) {
        super(code, kind, detail);
    }

    static PlanRefusal unknownSpace(SpaceId space) {
        return new PlanRefusal(RefusalCode.SPACE_NOT_FOUND, Kind.NOT_FOUND, "There is no such space: " + space + ".");
    }

    static PlanRefusal spaceInOtherCurrency(SpaceId space, Currency spaceCurrency) {
        return new PlanRefusal(
                RefusalCode.CURRENCY_MISMATCH,
                Kind.INVALID,
                "Space " + space + " prices in " + spaceCurrency.getCurrencyCode()
                        + "; a plan covers only spaces in its own currency.");
    }

    static PlanRefusal currencyChanged(Currency planCurrency) {
        return new PlanRefusal(
                RefusalCode.CURRENCY_MISMATCH,
                Kind.INVALID,
                "This plan is sold in " + planCurrency.getCurrencyCode()
                        + "; its members' subscriptions cannot change currency, so define a new plan instead.");
    }

    /** Asked by whoever would take the plan: a membership, a company. */
    public static PlanRefusal notFound(PlanId plan) {
        return new PlanRefusal(RefusalCode.PLAN_NOT_FOUND, Kind.NOT_FOUND, "There is no such plan: " + plan + ".");
    }

    public static PlanRefusal takesNoNewMembers(PlanId plan) {
        return new PlanRefusal(
                RefusalCode.PLAN_RETIRED, Kind.CONFLICT, "Plan " + plan + " is retired and takes no new members.");
    }

    static PlanRefusal retired(PlanId plan) {
        return new PlanRefusal(
                RefusalCode.PLAN_RETIRED, Kind.CONFLICT, "Plan " + plan + " is retired and can no longer be changed.");
    }
}
