package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The member cancelled: the membership ends when the period already paid for ends, at {@code endsAt}. */
@Revision("1")
public record MembershipCancellationScheduled(MembershipId membershipId, MemberId memberId, Instant endsAt)
        implements MembershipEvent {}
