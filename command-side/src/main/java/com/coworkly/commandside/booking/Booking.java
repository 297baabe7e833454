package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.events.booking.BookingBilledToCompany;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPaidFromCompanyPool;
import com.coworkly.events.booking.BookingPaidWithCredits;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.booking.LatePaymentReceived;
import com.coworkly.events.booking.PaymentRequested;
import com.coworkly.events.booking.RefundIssued;
import com.coworkly.events.booking.ReminderFellDue;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One booking's life: placed (its slot held while it is paid), confirmed, then cancelled, expired or completed.
 * Rules that span many bookings (no double booking, three at a time) are not decided here but by the
 * {@link BookingLedger}, in the same transaction. Series and maintenance change bookings only through the
 * booking's own commands ({@link Bookings#decide}).
 *
 * <p>Longer than our usual 250 lines on purpose: Axon wants every command, deadline and event-sourcing handler
 * of an aggregate in its class, and one booking's life has nine commands, three deadlines and ten events, and gives
 * back the credits it was paid with. What the handlers decide with lives elsewhere: {@link Booked},
 * {@link BookingDocuments}, {@link CancellationFee}, {@link CreditShare}.
 */
@Aggregate
public class Booking {

    static final String PAYMENT_HOLD = "payment-hold";
    static final String BOOKING_END = "booking-end";
    static final String REMINDER = "reminder";

    @AggregateIdentifier
    private BookingId bookingId;

    private Booked booked;
    private BookingStatus status;
    private String paymentId;
    /** The booking's invoice, which a cancellation credits. */
    private String invoiceId;

    private String refundId;
    private boolean latePaymentReceived;
    /** Whether its payment was taken, whatever happened since (a cancellation, the end of its period). */
    private boolean everPaid;
    /** The minutes of its length its member's credits paid, which a cancellation or an expiry gives back. */
    private long creditMinutes;
    /** Of those, the minutes its member's company's pool paid, and that company; 0 and null when none did. */
    private long poolMinutes;

    private CompanyId pool;
    /** The company bill it is charged on, which a cancellation reduces; null for a booking paid by its member. */
    private String billId;

    Booking() {
        // for Axon
    }

    /**
     * A placed booking holds its slot while its member pays, for {@code paymentHold} at most: a durable
     * deadline (in PostgreSQL, through db-scheduler) expires it then if it is still unpaid.
     */
    Booking(
            PlaceBooking command,
            Quote quote,
            SeriesId series,
            CreditShare credits,
            CompanyBilling bill,
            DeadlineManager deadlines,
            Duration paymentHold,
            SpaceDirectory spaces,
            Clock clock) {
        apply(new BookingPlaced(
                command.bookingId(),
                command.resourceId(),
                quote.spaceId(),
                command.memberId(),
                command.period(),
                quote.timeZone(),
                quote.price(),
                quote.cancellationPolicy(),
                series,
                quote.buffers().isNone() ? null : quote.buffers()));
        if (credits.coversAnything()) {
            apply(new BookingPaidWithCredits(
                    command.bookingId(),
                    command.memberId(),
                    credits.minutes(),
                    credits.fullPrice(),
                    credits.creditedValue()));
        }
        if (credits.drawsOnPool()) {
            apply(new BookingPaidFromCompanyPool(
                    command.bookingId(), command.memberId(), credits.pool(), credits.pooledMinutes()));
        }
        boolean billed = bill != null && quote.price().minorUnits() > 0;
        if (billed) {
            apply(new BookingBilledToCompany(
                    command.bookingId(), bill.company(), command.memberId(), bill.billId(), quote.price()));
        }
        if (billed || (quote.price().minorUnits() == 0 && credits.coversAnything())) {
            // Nothing is left to pay by card: confirmed now, with no payment and no invoice of its own (the
            // membership's fee was the money, invoiced by its provider, or the company's monthly invoice will be).
            // (The events apply to this booking's state once the constructor returns: its own fields are not set yet.)
            apply(new BookingConfirmed(command.bookingId(), command.resourceId(), quote.spaceId(), command.memberId()));
            deadlines.schedule(command.period().end(), BOOKING_END);
            scheduleReminder(deadlines, spaces, quote.spaceId(), command.period(), clock.instant());
        } else {
            deadlines.schedule(paymentHold, PAYMENT_HOLD);
        }
    }

    /**
     * Only the member who booked pays, and only while the booking waits for its payment. An occurrence of a
     * series is paid with its series, never on its own, so that no booking is ever paid twice.
     */
    @CommandHandler
    PaymentDue handle(RequestPayment command, Actor actor) {
        if (!actor.isMember(booked.memberId())) {
            throw BookingRefusal.notYours();
        }
        if (status != BookingStatus.PENDING_PAYMENT) {
            throw BookingRefusal.notAwaitingPayment(status.name());
        }
        if (booked.isOccurrenceOfSeries()) {
            throw BookingRefusal.paidWithItsSeries();
        }
        return new PaymentDue(booked.memberId(), booked.price(), creditMinutes);
    }

    @CommandHandler
    ShareOfSeriesPayment.Share handle(ShareOfSeriesPayment command) {
        Money due = status == BookingStatus.PENDING_PAYMENT ? booked.price() : booked.nothing();
        return new ShareOfSeriesPayment.Share(booked.price(), due);
    }

    /** Asking again for the same payment changes nothing: the provider answers the same payment. */
    @CommandHandler
    void handle(
            RecordPaymentRequest command,
            DeadlineManager deadlines,
            Invoicing invoicing,
            SpaceDirectory spaces,
            Clock clock) {
        if (status == BookingStatus.PENDING_PAYMENT && !command.paymentId().equals(paymentId)) {
            apply(new PaymentRequested(bookingId, command.provider(), command.paymentId(), booked.price()));
        }
        if (command.paid()) {
            confirmPayment(command.provider(), command.paymentId(), deadlines, invoicing, spaces, clock.instant());
        }
    }

    /**
     * Payment confirmations may come twice or late; only the first one for a booking that still waits for its
     * payment confirms it.
     */
    @CommandHandler
    void handle(
            ConfirmPayment command,
            DeadlineManager deadlines,
            Invoicing invoicing,
            SpaceDirectory spaces,
            Clock clock) {
        confirmPayment(command.provider(), command.paymentId(), deadlines, invoicing, spaces, clock.instant());
    }

    private void confirmPayment(
            String provider,
            String confirmedPaymentId,
            DeadlineManager deadlines,
            Invoicing invoicing,
            SpaceDirectory spaces,
            Instant now) {
        if (status == BookingStatus.PENDING_PAYMENT) {
            apply(new BookingConfirmed(bookingId, booked.resourceId(), booked.spaceId(), booked.memberId()));
            deadlines.cancelAllWithinScope(PAYMENT_HOLD);
            deadlines.schedule(booked.period().end(), BOOKING_END);
            scheduleReminder(deadlines, spaces, booked.spaceId(), booked.period(), now);
            if (booked.price().minorUnits() > 0) {
                apply(BookingDocuments.paid(invoicing, booked, now));
            }
        } else if (!everPaid && !latePaymentReceived) {
            // Paid after the hold ran out, a failure, or an unpaid cancellation: the money goes back in full.
            apply(new LatePaymentReceived(bookingId, booked.memberId(), provider, confirmedPaymentId, booked.price()));
        }
    }

    /**
     * The member is reminded the space's lead before the start, through a durable deadline that a cancellation
     * removes. A booking confirmed later than that gets no reminder: its confirmation came at reminder time.
     */
    private static void scheduleReminder(
            DeadlineManager deadlines, SpaceDirectory spaces, SpaceId space, Period period, Instant now) {
        Duration lead =
                spaces.termsOf(space).map(SpaceTerms::reminderLead).orElse(SpaceRegistered.DEFAULT_REMINDER_LEAD);
        Instant remindAt = period.start().minus(lead);
        if (remindAt.isAfter(now)) {
            deadlines.schedule(remindAt, REMINDER);
        }
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void reminderFellDue() {
        if (status == BookingStatus.CONFIRMED) {
            apply(new ReminderFellDue(
                    bookingId, booked.resourceId(), booked.spaceId(), booked.memberId(), booked.period()));
        }
    }

    /** Recorded once: a refund retried after a lost answer is the same refund at the provider. */
    @CommandHandler
    void handle(RecordRefund command) {
        if (refundId == null) {
            apply(new RefundIssued(bookingId, command.provider(), command.refundId(), command.amount()));
        }
    }

    @CommandHandler
    void handle(FailPayment command) {
        expireIfUnpaid("payment failed: " + command.reason());
    }

    /**
     * Takes no parameter: a deadline handler's first parameter is its payload, and this deadline has none. The
     * credits an expired booking spent go back through {@link CreditsOfExpiredBookings}.
     */
    @DeadlineHandler(deadlineName = PAYMENT_HOLD)
    void paymentHoldRanOut() {
        expireIfUnpaid("payment hold ran out");
    }

    private void expireIfUnpaid(String reason) {
        if (status == BookingStatus.PENDING_PAYMENT) {
            apply(new BookingExpired(
                    bookingId, booked.resourceId(), booked.spaceId(), booked.memberId(), booked.period(), reason));
        }
    }

    /**
     * The member's own credits go back first and the company's pool gets the rest, so a late fee kept in credits is
     * kept from the pool before the member's own.
     */
    private void giveBackCredits(long minutes, BookingCredits credits) {
        long own = Math.min(minutes, creditMinutes - poolMinutes);
        if (own > 0) {
            credits.giveBack(booked.memberId(), bookingId, own);
        }
        if (minutes - own > 0) {
            credits.giveBackToPool(pool, bookingId, minutes - own);
        }
    }

    /** A confirmed booking whose period is over is history; a cancelled one stays cancelled. */
    @DeadlineHandler(deadlineName = BOOKING_END)
    void periodEnded() {
        if (status == BookingStatus.CONFIRMED) {
            apply(new BookingCompleted(bookingId, booked.resourceId(), booked.spaceId(), booked.memberId()));
        }
    }

    @CommandHandler
    BookingCancelled handle(
            CancelBooking command,
            Actor actor,
            SpaceDirectory spaces,
            Clock clock,
            Invoicing invoicing,
            DeadlineManager deadlines,
            BookingCredits credits,
            CompanyCharges charges) {
        Instant now = clock.instant();
        boolean staff = isStaff(actor, spaces);
        // Who asks is checked first, so that a stranger learns nothing about the booking's state.
        if (!staff && !actor.isMember(booked.memberId())) {
            throw BookingRefusal.notYours();
        }
        requireLiveAndNotOver(now);
        if (!staff && booked.hasStartedAt(now)) {
            throw BookingRefusal.alreadyStarted();
        }
        return cancelAsAsked(actor, staff, command.note(), now, invoicing, deadlines, credits, charges);
    }

    /**
     * Asked by someone allowed to cancel the series (its member, or staff): an occurrence that is no longer
     * live, or has started and the member asks, is left as it is.
     */
    @CommandHandler
    Optional<BookingCancelled> handle(
            CancelOccurrence command,
            Actor actor,
            SpaceDirectory spaces,
            Invoicing invoicing,
            DeadlineManager deadlines,
            BookingCredits credits,
            CompanyCharges charges) {
        Instant now = command.at();
        boolean staff = isStaff(actor, spaces);
        boolean cancellable = status.isLive() && !booked.isOverAt(now) && (staff || !booked.hasStartedAt(now));
        return cancellable
                ? Optional.of(cancelAsAsked(actor, staff, null, now, invoicing, deadlines, credits, charges))
                : Optional.empty();
    }

    /** A maintenance block takes the slot: the member gets everything back. */
    @CommandHandler
    void handle(
            DisplaceBooking command,
            Actor actor,
            Invoicing invoicing,
            DeadlineManager deadlines,
            BookingCredits credits,
            CompanyCharges charges) {
        requireLiveAndNotOver(command.at());
        cancel(
                actor,
                CancellationReason.MAINTENANCE,
                command.note(),
                booked.nothing(),
                invoicing,
                charges,
                command.at());
        deadlines.cancelAllWithinScope(REMINDER);
        giveBackCredits(creditMinutes, credits);
    }

    /**
     * The late-cancellation fee: the member pays it on a paid booking inside the window, in money on what the card
     * paid and in credits on what the credits paid (they keep the fee's share); staff cancel for free.
     */
    private BookingCancelled cancelAsAsked(
            Actor actor,
            boolean staff,
            String note,
            Instant now,
            Invoicing invoicing,
            DeadlineManager deadlines,
            BookingCredits credits,
            CompanyCharges charges) {
        boolean feeDue = !staff && isPaid();
        Money fee = feeDue ? booked.memberFeeAt(now) : booked.nothing();
        BookingCancelled cancelled = cancel(
                actor,
                staff ? CancellationReason.BY_STAFF : CancellationReason.BY_MEMBER,
                note,
                fee,
                invoicing,
                charges,
                now);
        deadlines.cancelAllWithinScope(REMINDER);
        giveBackCredits(feeDue ? booked.creditsBackAt(creditMinutes, now) : creditMinutes, credits);
        return cancelled;
    }

    /**
     * What was paid, less the fee, goes back; an unpaid booking costs nothing to cancel and refunds nothing. A
     * booking billed to a company was not paid by card, so nothing is refunded: its bill is reduced to the fee.
     */
    private BookingCancelled cancel(
            Actor actor,
            CancellationReason reason,
            String note,
            Money fee,
            Invoicing invoicing,
            CompanyCharges charges,
            Instant now) {
        boolean paid = isPaid();
        boolean billed = billId != null;
        Money refund = paid && !billed ? booked.price().minus(fee) : booked.nothing();
        BookingCancelled cancelled = new BookingCancelled(
                bookingId,
                booked.resourceId(),
                booked.spaceId(),
                booked.memberId(),
                booked.period(),
                actor.id(),
                reason,
                note,
                fee,
                refund);
        apply(cancelled);
        if (billed) {
            charges.reduce(billId, bookingId, fee, now);
        } else if (paid && booked.price().minorUnits() > 0) {
            for (InvoiceIssued document : BookingDocuments.cancelled(invoicing, booked, invoiceId, fee, now)) {
                apply(document);
            }
        }
        return cancelled;
    }

    private boolean isStaff(Actor actor, SpaceDirectory spaces) {
        return actor.is(Role.ADMIN) || spaces.isManagedBy(booked.spaceId(), new MemberId(actor.id()));
    }

    private boolean isPaid() {
        return status == BookingStatus.CONFIRMED;
    }

    private void requireLiveAndNotOver(Instant now) {
        if (!status.isLive()) {
            throw BookingRefusal.notLive(status.name());
        }
        if (booked.isOverAt(now)) {
            throw BookingRefusal.alreadyEnded();
        }
    }

    @EventSourcingHandler
    void on(BookingPlaced event) {
        bookingId = event.bookingId();
        booked = Booked.by(event);
        status = BookingStatus.PENDING_PAYMENT;
    }

    @EventSourcingHandler
    void on(BookingPaidWithCredits event) {
        creditMinutes = event.minutes();
    }

    @EventSourcingHandler
    void on(BookingPaidFromCompanyPool event) {
        pool = event.companyId();
        poolMinutes = event.minutes();
    }

    @EventSourcingHandler
    void on(BookingBilledToCompany event) {
        billId = event.billId();
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        paymentId = event.paymentId();
    }

    @EventSourcingHandler
    void on(BookingConfirmed event) {
        status = BookingStatus.CONFIRMED;
        everPaid = true;
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        if (event.kind() == InvoiceKind.INVOICE && invoiceId == null) {
            invoiceId = event.invoiceId();
        }
    }

    @EventSourcingHandler
    void on(LatePaymentReceived event) {
        latePaymentReceived = true;
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        refundId = event.refundId();
    }

    @EventSourcingHandler
    void on(BookingCompleted event) {
        status = BookingStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(BookingExpired event) {
        status = BookingStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        status = BookingStatus.CANCELLED;
    }
}
