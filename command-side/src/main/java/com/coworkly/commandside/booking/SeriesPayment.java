package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.commandside.payment.PaymentRequest;
import com.coworkly.events.common.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * A series is paid as one: one payment, opened once for the sum of the prices of the occurrences it placed,
 * confirms every occurrence, and each occurrence is then invoiced, refunded and credited on its own. An
 * occurrence that stopped waiting before the money came (cancelled, say) treats its share as a late payment
 * and pays it back in full, as a booking of its own would.
 */
@Component
class SeriesPayment {

    private final Repository<BookingSeries> series;
    private final Repository<Booking> bookings;
    private final DeadlineManager deadlines;
    private final Invoicing invoicing;
    private final SpaceDirectory spaces;
    private final Clock clock;

    SeriesPayment(@Qualifier("bookingSeriesRepository") Repository<BookingSeries> series,
                  @Qualifier("bookingRepository") Repository<Booking> bookings, DeadlineManager deadlines,
                  Invoicing invoicing, SpaceDirectory spaces, Clock clock) {
        this.series = series;
        this.bookings = bookings;
        this.deadlines = deadlines;
        this.invoicing = invoicing;
        this.spaces = spaces;
        this.clock = clock;
    }

    /**
     * Always the same request, for every occurrence as placed, so that asking again finds the same payment at
     * the provider; refused once no occurrence waits for its payment any more.
     */
    @CommandHandler
    PaymentRequest handle(RequestSeriesPayment command, Actor actor) {
        Aggregate<BookingSeries> paying = series.load(command.seriesId().value());
        paying.execute(s -> s.requireMember(actor));
        List<Aggregate<Booking>> occurrences = paying.invoke(BookingSeries::bookings).stream()
                .map(booking -> bookings.load(booking.value())).toList();
        if (occurrences.stream().allMatch(occurrence -> occurrence.invoke(Booking::amountDue).minorUnits() == 0)) {
            throw SeriesRefusal.notAwaitingPayment();
        }
        Money total = occurrences.stream().map(occurrence -> occurrence.invoke(Booking::price))
                .reduce(Money::plus).orElseThrow();
        return PaymentRequest.forSeries(command.seriesId(), paying.invoke(BookingSeries::member), total);
    }

    @CommandHandler
    void handle(RecordSeriesPaymentRequest command) {
        eachOccurrence(command, booking -> {
            booking.recordPaymentRequest(command.provider(), command.paymentId());
            if (command.paid()) {
                booking.confirmPayment(command.provider(), command.paymentId(), deadlines, invoicing, spaces, clock);
            }
        });
    }

    @CommandHandler
    void handle(ConfirmSeriesPayment command) {
        eachOccurrence(command, booking -> booking.confirmPayment(command.provider(), command.paymentId(), deadlines,
                invoicing, spaces, clock));
    }

    @CommandHandler
    void handle(FailSeriesPayment command) {
        eachOccurrence(command, booking -> booking.failPayment(command.reason()));
    }

    private void eachOccurrence(SeriesCommand command, Consumer<Booking> change) {
        for (var booking : series.load(command.seriesId().value()).invoke(BookingSeries::bookings)) {
            bookings.load(booking.value()).execute(change);
        }
    }
}
