package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.events.common.SeriesId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * How other commands change bookings: a series placing and paying for its occurrences or cancelling the rest of
 * them, a maintenance block displacing what it covers. Each booking decides a command of its own, with its own
 * handler, but inside the calling command's unit of work rather than through the command bus: the caller's events
 * and the bookings' are stored in one transaction and stand or fall together, and the audit trail shows them as
 * caused by the one command the request sent, by its actor.
 */
@Component
public class Bookings {

    private final Repository<Booking> bookings;
    private final DeadlineManager deadlines;
    private final Duration paymentHold;
    private final SpaceDirectory spaces;
    private final Clock clock;

    Bookings(
            @Qualifier("bookingRepository") Repository<Booking> bookings,
            DeadlineManager deadlines,
            @Value("${booking.payments.hold-time:PT15M}") Duration paymentHold,
            SpaceDirectory spaces,
            Clock clock) {
        this.bookings = bookings;
        this.deadlines = deadlines;
        this.paymentHold = paymentHold;
        this.spaces = spaces;
        this.clock = clock;
    }

    /**
     * Creates the booking that a placement decided on ({@code series} null for a booking of its own); its slot is
     * held for the payment hold.
     */
    public void place(PlaceBooking command, Quote quote, SeriesId series) throws Exception {
        place(command, quote, series, CreditShare.none(quote.price()));
    }

    /** With the share of its price its member's credits paid; one they paid in full is confirmed at once. */
    void place(PlaceBooking command, Quote quote, SeriesId series, CreditShare credits) throws Exception {
        place(command, quote, series, credits, null);
    }

    /** Billed to its member's company on {@code bill} (null when not): confirmed at once, with nothing to pay now. */
    void place(PlaceBooking command, Quote quote, SeriesId series, CreditShare credits, CompanyBilling bill)
            throws Exception {
        bookings.newInstance(
                () -> new Booking(command, quote, series, credits, bill, deadlines, paymentHold, spaces, clock));
    }

    /**
     * Has the booking decide {@code command} now, as the current command's actor: answers what its handler answers
     * and throws its refusals.
     */
    @SuppressWarnings("unchecked")
    public <R> R decide(BookingCommand command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CurrentUnitOfWork.get().getMessage().getMetaData());
        try {
            return (R) bookings.load(command.targetId()).handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("booking " + command.targetId() + " failed to decide " + command, e);
        }
    }
}
