package com.coworkly.commandside.series;

import com.coworkly.commandside.booking.Bookings;
import com.coworkly.commandside.booking.CancelOccurrence;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.common.BookingId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cancels the rest of a series from a date on, all in one transaction. Each occurrence is cancelled as if on its
 * own, with its own late-cancellation fee (free before the late window, the fee inside it, free for staff),
 * refund, credit note and email; occurrences that are over, or have started and the member asks, stay as they
 * are.
 */
@Component
class SeriesCancellation {

    record Cancelled(List<BookingCancelled> cancellations) {}

    private final Repository<BookingSeries> series;
    private final Bookings bookings;
    private final SpaceDirectory spaces;
    private final Clock clock;

    SeriesCancellation(
            @Qualifier("bookingSeriesRepository") Repository<BookingSeries> series,
            Bookings bookings,
            SpaceDirectory spaces,
            Clock clock) {
        this.series = series;
        this.bookings = bookings;
        this.spaces = spaces;
        this.clock = clock;
    }

    @CommandHandler
    Cancelled handle(CancelBookingSeries command, Actor actor) {
        Aggregate<BookingSeries> cancelling = series.load(command.seriesId().value());
        cancelling.execute(s -> s.requireMemberOrStaff(actor, spaces));
        Instant now = clock.instant();
        Instant from = command.from() == null ? now : command.from();
        List<BookingCancelled> cancellations = new ArrayList<>();
        for (BookingId booking : cancelling.invoke(s -> s.bookingsStartingFrom(from))) {
            Optional<BookingCancelled> cancelled = bookings.decide(new CancelOccurrence(booking, now));
            cancelled.ifPresent(cancellations::add);
        }
        if (cancellations.isEmpty()) {
            throw SeriesRefusal.nothingToCancel();
        }
        cancelling.execute(s -> s.recordCancellation(
                from,
                actor,
                cancellations.stream().map(BookingCancelled::bookingId).toList()));
        return new Cancelled(cancellations);
    }
}
