package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MembershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider could not collect a period's fee (Stripe's {@code invoice.payment_failed}). */
public record RecordRenewalFailed(@TargetAggregateIdentifier MembershipId membershipId, String invoiceId)
        implements MembershipCommand {}
