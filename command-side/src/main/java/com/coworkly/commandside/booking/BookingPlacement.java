package com.coworkly.commandside.booking;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Places a booking: the resource quotes its placement terms, the ledger checks that the slot is free and that the
 * member stays within three at a time, and the booking is created. All of it runs in one transaction with the
 * events.
 */
@Component
public class BookingPlacement {

    /** What a placed booking answers: its status and the terms it was quoted. */
    public record Placed(BookingStatus status, Quote quote) {}

    private final PlacementTerms placementTerms;
    private final Bookings bookings;
    private final BookingLedger ledger;
    private final Clock clock;

    BookingPlacement(PlacementTerms placementTerms, Bookings bookings, BookingLedger ledger, Clock clock) {
        this.placementTerms = placementTerms;
        this.bookings = bookings;
        this.ledger = ledger;
        this.clock = clock;
    }

    @CommandHandler
    Placed handle(PlaceBooking command) throws Exception {
        PlacementTerms.Terms terms = placementTerms.of(command.resourceId());
        Quote quote = PlacementPolicy.quote(terms.resource(), terms.space(), command.period(), clock.instant());
        ledger.requireFree(command.resourceId(), command.period());
        ledger.requireWithinMemberLimit(command.memberId(), command.period());
        bookings.place(command, quote, null);
        return new Placed(BookingStatus.PENDING_PAYMENT, quote);
    }
}
