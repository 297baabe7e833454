package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A renewal's fee could not be collected; unless it is paid by {@code graceEndsAt}, the membership is suspended. */
@Revision("1")
public record MembershipPaymentFailed(
        MembershipId membershipId, MemberId memberId, String invoiceId, Instant graceEndsAt)
        implements MembershipEvent {}
