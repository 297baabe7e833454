package com.coworkly.commandside.booking;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Places a booking: the resource quotes its terms (rule 1), the ledger checks the slot and the member's
 * quota (rules 2 and 3), and the booking is created. All of it runs in one transaction with the events.
 */
@Component
class BookingPlacement {

    record Placed(BookingStatus status, Quote quote) {
    }

    private final PlacementTerms placementTerms;
    private final Repository<Booking> bookings;
    private final BookingLedger ledger;
    private final Clock clock;
    private final DeadlineManager deadlines;
    private final Duration paymentHold;

    BookingPlacement(PlacementTerms placementTerms, @Qualifier("bookingRepository") Repository<Booking> bookings,
                     BookingLedger ledger, Clock clock, DeadlineManager deadlines,
                     @Value("${booking.payments.hold-time:PT15M}") Duration paymentHold) {
        this.placementTerms = placementTerms;
        this.bookings = bookings;
        this.ledger = ledger;
        this.clock = clock;
        this.deadlines = deadlines;
        this.paymentHold = paymentHold;
    }

    @CommandHandler
    Placed handle(PlaceBooking command) throws Exception {
        PlacementTerms.Terms terms = placementTerms.of(command.resourceId());
        Quote quote = PlacementPolicy.quote(terms.resource(), terms.space(), command.period(), clock.instant());
        ledger.requireFree(command.resourceId(), command.period());
        ledger.requireWithinMemberLimit(command.memberId(), command.period());
        bookings.newInstance(() -> new Booking(command, quote, null, deadlines, paymentHold));
        return new Placed(BookingStatus.PENDING_PAYMENT, quote);
    }
}
