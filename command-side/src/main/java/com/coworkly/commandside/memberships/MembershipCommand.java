package com.coworkly.commandside.memberships;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.MembershipId;

/** The commands a membership decides. */
public sealed interface MembershipCommand extends TargetsAggregate
        permits Subscribe,
                RecordSubscriptionOpened,
                RecordPeriodPaid,
                RecordRenewalFailed,
                ChangePlan,
                CancelMembership,
                EndMembership {

    MembershipId membershipId();

    @Override
    default String targetId() {
        return membershipId().value();
    }

    @Override
    default RefusalCode notFoundCode() {
        return RefusalCode.MEMBERSHIP_NOT_FOUND;
    }
}
