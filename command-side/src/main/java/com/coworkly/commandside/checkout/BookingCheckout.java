package com.coworkly.commandside.checkout;

import com.coworkly.commandside.booking.BookingPlacement;
import com.coworkly.commandside.booking.BookingRefusal;
import com.coworkly.commandside.booking.BookingStatus;
import com.coworkly.commandside.booking.PaymentDue;
import com.coworkly.commandside.booking.PlaceBooking;
import com.coworkly.commandside.booking.RecordPaymentRequest;
import com.coworkly.commandside.booking.RequestPayment;
import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.payment.PaymentIntent;
import com.coworkly.commandside.payment.PaymentProvider;
import com.coworkly.commandside.payment.PaymentProviderUnavailable;
import com.coworkly.commandside.payment.PaymentRequest;
import com.coworkly.commandside.series.PlaceBookingSeries;
import com.coworkly.commandside.series.RecordSeriesPaymentRequest;
import com.coworkly.commandside.series.RequestSeriesPayment;
import com.coworkly.commandside.series.SeriesPlacement;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SeriesId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Places a booking, then asks the payment provider for its payment. The provider is called only after the
 * booking's transaction has committed, never inside it: a slow provider holds no database locks, and a
 * provider that cannot be reached loses no booking. Such a booking keeps its slot until its payment hold
 * runs out, like any unpaid booking.
 */
@Component
class BookingCheckout {

    private static final Logger log = LoggerFactory.getLogger(BookingCheckout.class);

    record Payment(String provider, String paymentId, String clientSecret) {}

    /**
     * {@code price} is what is left to pay by card once {@code creditMinutes} of the booking were paid with credits, or
     * to bill to the company {@code billedTo} (null when the member pays).
     */
    record CheckedOut(
            BookingStatus status,
            Money price,
            long creditMinutes,
            CompanyId billedTo,
            Optional<Payment> payment,
            long eventPosition) {

        CheckedOut(
                BookingStatus status, Money price, long creditMinutes, Optional<Payment> payment, long eventPosition) {
            this(status, price, creditMinutes, null, payment, eventPosition);
        }
    }

    record SeriesCheckedOut(SeriesPlacement.SeriesPlaced series, CheckedOut payment) {}

    private static final int DECISIONS_AFTER_LOST_RACES = 3;

    private final CommandSender commands;
    private final PaymentProvider payments;

    BookingCheckout(CommandSender commands, PaymentProvider payments) {
        this.commands = commands;
        this.payments = payments;
    }

    /**
     * A booking its member's credits paid in full, or billed to the member's company, has nothing to pay now: it was
     * confirmed when it was placed.
     */
    CheckedOut place(PlaceBooking command) {
        Accepted<BookingPlacement.Placed> placed = commands.send(command);
        Money toPay = placed.result().quote().price();
        long creditMinutes = placed.result().creditMinutes();
        if (placed.result().status() == BookingStatus.CONFIRMED) {
            return new CheckedOut(
                    BookingStatus.CONFIRMED,
                    toPay,
                    creditMinutes,
                    placed.result().billedTo(),
                    Optional.empty(),
                    placed.eventPosition());
        }
        return pay(
                PaymentRequest.forBooking(command.bookingId(), command.memberId(), toPay),
                creditMinutes,
                placed.eventPosition());
    }

    /** For a booking whose payment could not be opened when it was placed (or whose details the app lost). */
    CheckedOut payAgain(RequestPayment command) {
        Accepted<PaymentDue> due = commands.send(command);
        return pay(
                PaymentRequest.forBooking(
                        command.bookingId(), due.result().member(), due.result().amount()),
                due.result().creditMinutes(),
                due.eventPosition());
    }

    /** A series is paid as one: one payment for the sum of its occurrences' prices. */
    SeriesCheckedOut place(PlaceBookingSeries command) {
        Accepted<SeriesPlacement.SeriesPlaced> placed = placeDecidingLostRacesAgain(command);
        CheckedOut payment = pay(
                PaymentRequest.forSeries(
                        command.seriesId(), command.memberId(), placed.result().total()),
                0,
                placed.eventPosition());
        return new SeriesCheckedOut(placed.result(), payment);
    }

    /**
     * A series that loses a race for one of its slots learns it only when its transaction commits, all or
     * nothing. Deciding it again then sees the winner, and that occurrence conflicts like any other: skipped,
     * or refusing the series with the list of conflicts.
     */
    private Accepted<SeriesPlacement.SeriesPlaced> placeDecidingLostRacesAgain(PlaceBookingSeries command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.send(command);
            } catch (BookingRefusal refusal) {
                if (refusal.code() != RefusalCode.SLOT_UNAVAILABLE || attempt == DECISIONS_AFTER_LOST_RACES) {
                    throw refusal;
                }
                log.info("Series {} lost a race for one of its slots; deciding it again", command.seriesId());
            }
        }
    }

    CheckedOut payAgain(RequestSeriesPayment command) {
        Accepted<PaymentDue> due = commands.send(command);
        return pay(
                PaymentRequest.forSeries(
                        command.seriesId(), due.result().member(), due.result().amount()),
                0,
                due.eventPosition());
    }

    private CheckedOut pay(PaymentRequest request, long creditMinutes, long position) {
        PaymentIntent intent;
        try {
            intent = payments.requestPayment(request);
        } catch (PaymentProviderUnavailable e) {
            log.warn("The payment of {} could not be opened; its slots are held until their hold runs out", request, e);
            return new CheckedOut(
                    BookingStatus.PENDING_PAYMENT, request.amount(), creditMinutes, Optional.empty(), position);
        }
        // A payment the provider has already taken is confirmed with its request, in one transaction.
        Accepted<Object> recorded = commands.send(
                request.isForSeries()
                        ? new RecordSeriesPaymentRequest(
                                new SeriesId(request.subjectId()), payments.name(), intent.id(), intent.alreadyPaid())
                        : new RecordPaymentRequest(
                                new BookingId(request.subjectId()),
                                payments.name(),
                                intent.id(),
                                intent.alreadyPaid()));
        Payment payment = new Payment(payments.name(), intent.id(), intent.clientSecret());
        return new CheckedOut(
                intent.alreadyPaid() ? BookingStatus.CONFIRMED : BookingStatus.PENDING_PAYMENT,
                request.amount(),
                creditMinutes,
                Optional.of(payment),
                recorded.eventPosition());
    }
}
