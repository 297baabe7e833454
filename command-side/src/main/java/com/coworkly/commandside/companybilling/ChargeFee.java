package com.coworkly.commandside.companybilling;

import com.coworkly.commandside.companies.CompanyFees.Fee;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Puts a fee that is not a booking's on the company's bill of its month, opening the bill if it is the first. */
record ChargeFee(
        @TargetAggregateIdentifier String billId, String month, Instant closesAt, Instant invoicedAt, Fee fee) {}
