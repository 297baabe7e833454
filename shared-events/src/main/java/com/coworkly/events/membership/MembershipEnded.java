package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import org.axonframework.serialization.Revision;

/** The membership is over; the member may subscribe again. */
@Revision("1")
public record MembershipEnded(MembershipId membershipId, MemberId memberId, String reason) implements MembershipEvent {}
