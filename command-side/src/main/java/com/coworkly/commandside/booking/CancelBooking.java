package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record CancelBooking(@TargetAggregateIdentifier BookingId bookingId, String note) implements BookingCommand {}
