package com.coworkly.commandside.companies;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.events.common.MemberId;
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
}
