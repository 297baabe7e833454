package com.coworkly.commandside.booking;

import com.coworkly.events.booking.BookingExpired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An expired booking was never had: whatever credits it spent go back in full, in the expiry's own transaction (a
 * subscribing processor). The ledger gives back no more than the booking spent, so asking for everything is exact,
 * and a booking that spent nothing gets nothing.
 */
@Component
@ProcessingGroup("booking-credits")
class CreditsOfExpiredBookings {

    private final BookingCredits credits;

    CreditsOfExpiredBookings(BookingCredits credits) {
        this.credits = credits;
    }

    @EventHandler
    void on(BookingExpired event) {
        credits.giveBack(event.memberId(), event.bookingId(), Long.MAX_VALUE);
    }
}
