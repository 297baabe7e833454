package com.coworkly.events.membership;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import org.axonframework.serialization.Revision;

/**
 * The fee for one period was collected ({@code invoiceId} is the provider's invoice), and the period's credits,
 * {@code creditMinutes} by the plan's revision in force when the period was paid, were granted to the member until
 * the period's end.
 */
@Revision("1")
public record MembershipPeriodPaid(
        MembershipId membershipId,
        MemberId memberId,
        String provider,
        String invoiceId,
        Period period,
        Money fee,
        int planRevision,
        long creditMinutes)
        implements MembershipEvent {}
