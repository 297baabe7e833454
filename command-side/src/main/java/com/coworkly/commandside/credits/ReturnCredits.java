package com.coworkly.commandside.credits;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.credits.CreditAccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives back {@code minutes} of what a booking spent (all of it on a free cancellation, what the late fee leaves on
 * a late one), never more than it spent and has not had back.
 */
public record ReturnCredits(@TargetAggregateIdentifier CreditAccountId accountId, BookingId bookingId, long minutes)
        implements CreditCommand {}
