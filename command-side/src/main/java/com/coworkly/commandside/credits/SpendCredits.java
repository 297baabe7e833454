package com.coworkly.commandside.credits;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.credits.CreditAccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pays up to {@code minutes} of a booking of a resource of {@code kind} in {@code space} with credits; answers
 * how many minutes the credits covered (none when nothing is left that covers it). Asked again for the same booking,
 * it answers what was spent the first time.
 */
public record SpendCredits(
        @TargetAggregateIdentifier CreditAccountId accountId,
        BookingId bookingId,
        long minutes,
        ResourceKind kind,
        SpaceId space)
        implements CreditCommand {

    public SpendCredits {
        if (minutes <= 0) {
            throw new IllegalArgumentException("a booking spends at least a minute: " + minutes);
        }
    }
}
