package com.coworkly.commandside.companybilling;

import com.coworkly.commandside.booking.CompanyCharges.Charge;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Puts a company member's booking on the company's bill of its month, opening the bill with its first booking: the
 * month closes at {@code closesAt} and is invoiced at {@code invoicedAt}.
 */
record ChargeBooking(
        @TargetAggregateIdentifier String billId, String month, Instant closesAt, Instant invoicedAt, Charge charge) {}
