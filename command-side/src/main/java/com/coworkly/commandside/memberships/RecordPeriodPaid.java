package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider collected the fee of the period its invoice names (Stripe's {@code invoice.paid}). */
public record RecordPeriodPaid(
        @TargetAggregateIdentifier MembershipId membershipId,
        String provider,
        String invoiceId,
        Period period,
        Money fee)
        implements MembershipCommand {}
