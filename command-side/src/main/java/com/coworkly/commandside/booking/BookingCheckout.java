package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.commandside.payment.PaymentIntent;
import com.coworkly.commandside.payment.PaymentProvider;
import com.coworkly.commandside.payment.PaymentProviderUnavailable;
import com.coworkly.commandside.payment.PaymentRequest;
import com.coworkly.events.common.Money;
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

    record Payment(String provider, String paymentId, String clientSecret) {
    }

    record CheckedOut(BookingStatus status, Money price, Optional<Payment> payment, long eventPosition) {
    }

    private final CommandSender commands;
    private final PaymentProvider payments;

    BookingCheckout(CommandSender commands, PaymentProvider payments) {
        this.commands = commands;
        this.payments = payments;
    }

    CheckedOut place(PlaceBooking command) {
        Accepted<BookingPlacement.Placed> placed = commands.send(command);
        return pay(new PaymentRequest(command.bookingId(), command.memberId(), placed.result().quote().price()),
                placed.eventPosition());
    }

    /** For a booking whose payment could not be opened when it was placed (or whose details the app lost). */
    CheckedOut payAgain(RequestPayment command) {
        Accepted<PaymentRequest> request = commands.send(command);
        return pay(request.result(), request.eventPosition());
    }

    private CheckedOut pay(PaymentRequest request, long position) {
        PaymentIntent intent;
        try {
            intent = payments.requestPayment(request);
        } catch (PaymentProviderUnavailable e) {
            log.warn("The payment of booking {} could not be opened; it holds its slot until its hold runs out",
                    request.bookingId(), e);
            return new CheckedOut(BookingStatus.PENDING_PAYMENT, request.amount(), Optional.empty(), position);
        }
        Accepted<Object> recorded = commands.send(new RecordPaymentRequest(request.bookingId(), payments.name(),
                intent.id()));
        Payment payment = new Payment(payments.name(), intent.id(), intent.clientSecret());
        if (!intent.alreadyPaid()) {
            return new CheckedOut(BookingStatus.PENDING_PAYMENT, request.amount(), Optional.of(payment),
                    recorded.eventPosition());
        }
        Accepted<Object> confirmed = commands.send(new ConfirmPayment(request.bookingId(), payments.name(), intent.id()));
        return new CheckedOut(BookingStatus.CONFIRMED, request.amount(), Optional.of(payment), confirmed.eventPosition());
    }
}
