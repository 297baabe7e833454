package com.coworkly.commandside.series;

import com.coworkly.commandside.booking.BookingCommand;
import com.coworkly.commandside.booking.Bookings;
import com.coworkly.commandside.booking.ConfirmPayment;
import com.coworkly.commandside.booking.FailPayment;
import com.coworkly.commandside.booking.PaymentDue;
import com.coworkly.commandside.booking.RecordPaymentRequest;
import com.coworkly.commandside.booking.ShareOfSeriesPayment;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * A series is paid as one: one payment, opened once for the sum of the prices of the occurrences it placed,
 * confirms every occurrence, and each occurrence is then invoiced, refunded and credited on its own. An
 * occurrence that stopped waiting before the money came (cancelled, say) treats its share as a late payment
 * and pays it back in full, as a booking of its own would. Each occurrence decides its share with the same
 * commands a booking of its own gets, all in the series command's transaction.
 */
@Component
class SeriesPayment {

    private final Repository<BookingSeries> series;
    private final Bookings bookings;

    SeriesPayment(@Qualifier("bookingSeriesRepository") Repository<BookingSeries> series, Bookings bookings) {
        this.series = series;
        this.bookings = bookings;
    }

    /**
     * Always the same request, for every occurrence as placed, so that asking again finds the same payment at
     * the provider; refused once no occurrence waits for its payment any more.
     */
    @CommandHandler
    PaymentDue handle(RequestSeriesPayment command, Actor actor) {
        Aggregate<BookingSeries> paying = series.load(command.seriesId().value());
        paying.execute(s -> s.requireMember(actor));
        List<ShareOfSeriesPayment.Share> shares = paying.invoke(BookingSeries::bookings).stream()
                .<ShareOfSeriesPayment.Share>map(booking -> bookings.decide(new ShareOfSeriesPayment(booking)))
                .toList();
        if (shares.stream().allMatch(share -> share.amountDue().minorUnits() == 0)) {
            throw SeriesRefusal.notAwaitingPayment();
        }
        Money total = shares.stream()
                .map(ShareOfSeriesPayment.Share::price)
                .reduce(Money::plus)
                .orElseThrow();
        return new PaymentDue(paying.invoke(BookingSeries::member), total);
    }

    @CommandHandler
    void handle(RecordSeriesPaymentRequest command) {
        eachOccurrence(
                command,
                booking -> new RecordPaymentRequest(booking, command.provider(), command.paymentId(), command.paid()));
    }

    @CommandHandler
    void handle(ConfirmSeriesPayment command) {
        eachOccurrence(command, booking -> new ConfirmPayment(booking, command.provider(), command.paymentId()));
    }

    @CommandHandler
    void handle(FailSeriesPayment command) {
        eachOccurrence(command, booking -> new FailPayment(booking, command.paymentId(), command.reason()));
    }

    private void eachOccurrence(SeriesCommand command, Function<BookingId, BookingCommand> change) {
        for (BookingId booking : series.load(command.seriesId().value()).invoke(BookingSeries::bookings)) {
            bookings.decide(change.apply(booking));
        }
    }
}
