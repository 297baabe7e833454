package com.coworkly.commandside.companies;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.web.BusinessRefusal;

/** The ways a company account says no. */
final class CompanyRefusal extends BusinessRefusal {

    private CompanyRefusal(RefusalCode code, Kind kind, String detail) {
        super(code, kind, detail);
    }

    static CompanyRefusal notYours() {
        return new CompanyRefusal(
                RefusalCode.NOT_YOUR_COMPANY,
                Kind.FORBIDDEN,
                "Only the company's administrators and the network's administrators may do this.");
    }

    static CompanyRefusal unknownMember(MemberId member) {
        return new CompanyRefusal(
                RefusalCode.MEMBER_NOT_FOUND, Kind.NOT_FOUND, "There is no such member: " + member + ".");
    }

    static CompanyRefusal inAnotherCompany(MemberId member) {
        return new CompanyRefusal(
                RefusalCode.MEMBER_IN_ANOTHER_COMPANY,
                Kind.CONFLICT,
                "Member " + member + " holds a seat of another company; a member belongs to one company at most.");
    }

    static CompanyRefusal homeSpaceNotCovered(SpaceId space) {
        return new CompanyRefusal(
                RefusalCode.HOME_SPACE_NOT_COVERED,
                Kind.INVALID,
                "The plan does not cover space " + space + "; a company's home space must be one its plan covers.");
    }

    static CompanyRefusal homeSpaceInOtherCurrency(SpaceId space) {
        return new CompanyRefusal(
                RefusalCode.CURRENCY_MISMATCH,
                Kind.INVALID,
                "Space " + space + " prices in another currency than the plan; its fees could not go on its bill.");
    }

    static CompanyRefusal unknownSpace(SpaceId space) {
        return new CompanyRefusal(
                RefusalCode.SPACE_NOT_FOUND, Kind.NOT_FOUND, "There is no such space: " + space + ".");
    }

    static CompanyRefusal alreadySubscribed(PlanId plan) {
        return new CompanyRefusal(
                RefusalCode.ALREADY_SUBSCRIBED,
                Kind.CONFLICT,
                "The company is on plan " + plan + " already; cancel it and wait for its period to end first.");
    }

    static CompanyRefusal noPlan() {
        return new CompanyRefusal(RefusalCode.NO_COMPANY_PLAN, Kind.CONFLICT, "The company has no plan to cancel.");
    }
}
