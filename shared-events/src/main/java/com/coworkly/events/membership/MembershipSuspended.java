package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import org.axonframework.serialization.Revision;

/** A failed renewal stayed unpaid through its grace period: the membership grants nothing until it is paid. */
@Revision("1")
public record MembershipSuspended(MembershipId membershipId, MemberId memberId, String invoiceId)
        implements MembershipEvent {}
