package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A maintenance block takes the booking's slot: it is cancelled with everything paid back. Sent by the block's
 * command through {@link Bookings#decide}, so that the block and its displacements commit together; {@code at}
 * is when the block was decided.
 */
public record DisplaceBooking(@TargetAggregateIdentifier BookingId bookingId, String note, Instant at)
        implements BookingCommand {}
