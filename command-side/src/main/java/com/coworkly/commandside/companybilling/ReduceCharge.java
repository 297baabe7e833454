package com.coworkly.commandside.companybilling;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A charged booking was cancelled {@code at}: its bill charges {@code amount} for it from now on. */
record ReduceCharge(@TargetAggregateIdentifier String billId, BookingId bookingId, Money amount, Instant at) {}
