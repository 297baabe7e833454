package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.commandside.payment.PaymentRequest;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.booking.LatePaymentReceived;
import com.coworkly.events.booking.PaymentRequested;
import com.coworkly.events.booking.RefundIssued;
import com.coworkly.events.booking.ReminderFellDue;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One booking's life: placed (its slot held while it is paid), confirmed, then cancelled, expired or completed. Rules that span many bookings
 * (no overlap, three at a time) are not decided here but by the booking ledger, in the same transaction.
 */
@Aggregate
public class Booking {

    @AggregateIdentifier
    private BookingId bookingId;
    private ResourceId resourceId;
    private SpaceId spaceId;
    private MemberId memberId;
    private Period period;
    private Money price;
    private CancellationPolicy cancellationPolicy;
    private BookingStatus status;
    private String paymentId;
    private ZoneId timeZone;
    /** The booking's invoice, which a cancellation credits. */
    private String invoiceId;
    private String refundId;
    private boolean latePaymentReceived;
    /** Whether its payment was taken, whatever happened since (a cancellation, the end of its period). */
    private boolean everPaid;
    /** The series it was placed in, which pays for it; null for a booking of its own. */
    private SeriesId seriesId;

    static final String PAYMENT_HOLD = "payment-hold";
    static final String BOOKING_END = "booking-end";
    static final String REMINDER = "reminder";

    Booking() {
        // for Axon
    }

    /**
     * A placed booking holds its slot while its member pays, for {@code paymentHold} at most: a durable
     * deadline (in PostgreSQL, through db-scheduler) expires it then if it is still unpaid.
     */
    Booking(PlaceBooking command, Quote quote, SeriesId series, DeadlineManager deadlines, Duration paymentHold) {
        apply(new BookingPlaced(command.bookingId(), command.resourceId(), quote.spaceId(), command.memberId(),
                command.period(), quote.timeZone(), quote.price(), quote.cancellationPolicy(), series));
        deadlines.schedule(paymentHold, PAYMENT_HOLD);
    }

    /**
     * Only the member who booked pays, and only while the booking waits for its payment. An occurrence of a
     * series is paid with its series, never on its own, so that no booking is ever paid twice.
     */
    @CommandHandler
    PaymentRequest handle(RequestPayment command, Actor actor) {
        if (!actor.isMember(memberId)) {
            throw BookingRefusal.notYours();
        }
        if (status != BookingStatus.PENDING_PAYMENT) {
            throw BookingRefusal.notAwaitingPayment(status.name());
        }
        if (seriesId != null) {
            throw SeriesRefusal.paidWithSeries();
        }
        return PaymentRequest.forBooking(bookingId, memberId, price);
    }

    @CommandHandler
    void handle(RecordPaymentRequest command, DeadlineManager deadlines, Invoicing invoicing, SpaceDirectory spaces,
                Clock clock) {
        recordPaymentRequest(command.provider(), command.paymentId());
        if (command.paid()) {
            confirmPayment(command.provider(), command.paymentId(), deadlines, invoicing, spaces, clock);
        }
    }

    /** Asking again for the same payment changes nothing: the provider answers the same payment. */
    void recordPaymentRequest(String provider, String requestedPaymentId) {
        if (status == BookingStatus.PENDING_PAYMENT && !requestedPaymentId.equals(paymentId)) {
            apply(new PaymentRequested(bookingId, provider, requestedPaymentId, price));
        }
    }

    /** What its member still owes: its price while it waits for its payment, else nothing. */
    Money amountDue() {
        return status == BookingStatus.PENDING_PAYMENT ? price : nothing();
    }

    MemberId member() {
        return memberId;
    }

    Money price() {
        return price;
    }

    /**
     * Payment confirmations may come twice or late; only the first one for a booking that still waits for its
     * payment confirms it.
     */
    @CommandHandler
    void handle(ConfirmPayment command, DeadlineManager deadlines, Invoicing invoicing, SpaceDirectory spaces,
                Clock clock) {
        confirmPayment(command.provider(), command.paymentId(), deadlines, invoicing, spaces, clock);
    }

    void confirmPayment(String provider, String confirmedPaymentId, DeadlineManager deadlines, Invoicing invoicing,
                        SpaceDirectory spaces, Clock clock) {
        if (status == BookingStatus.PENDING_PAYMENT) {
            Instant now = clock.instant();
            apply(new BookingConfirmed(bookingId, resourceId, spaceId, memberId));
            deadlines.cancelAllWithinScope(PAYMENT_HOLD);
            deadlines.schedule(period.end(), BOOKING_END);
            scheduleReminder(deadlines, spaces, now);
            apply(invoicing.invoice(invoiceSubject(now), "Booking of " + describe(), price));
        } else if (!everPaid && !latePaymentReceived) {
            // Paid after the hold ran out, a failure, or an unpaid cancellation: the money goes back in full.
            apply(new LatePaymentReceived(bookingId, memberId, provider, confirmedPaymentId, price));
        }
    }

    /**
     * The member is reminded the space's lead before the start, through a durable deadline that a cancellation
     * removes. A booking confirmed later than that gets no reminder: its confirmation came at reminder time.
     */
    private void scheduleReminder(DeadlineManager deadlines, SpaceDirectory spaces, Instant now) {
        Duration lead = spaces.termsOf(spaceId).map(SpaceTerms::reminderLead)
                .orElse(SpaceRegistered.DEFAULT_REMINDER_LEAD);
        Instant remindAt = period.start().minus(lead);
        if (remindAt.isAfter(now)) {
            deadlines.schedule(remindAt, REMINDER);
        }
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void reminderFellDue() {
        if (status == BookingStatus.CONFIRMED) {
            apply(new ReminderFellDue(bookingId, resourceId, spaceId, memberId, period));
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
        failPayment(command.reason());
    }

    void failPayment(String reason) {
        expireIfUnpaid("payment failed: " + reason);
    }

    /** A confirmed booking whose period is over is history; a cancelled one stays cancelled. */
    @DeadlineHandler(deadlineName = BOOKING_END)
    void periodEnded() {
        if (status == BookingStatus.CONFIRMED) {
            apply(new BookingCompleted(bookingId, resourceId, spaceId, memberId));
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_HOLD)
    void paymentHoldRanOut() {
        expireIfUnpaid("payment hold ran out");
    }

    private void expireIfUnpaid(String reason) {
        if (status == BookingStatus.PENDING_PAYMENT) {
            apply(new BookingExpired(bookingId, resourceId, spaceId, memberId, period, reason));
        }
    }

    @CommandHandler
    BookingCancelled handle(CancelBooking command, Actor actor, SpaceDirectory spaces, Clock clock,
                            Invoicing invoicing, DeadlineManager deadlines) {
        Instant now = clock.instant();
        boolean staff = actor.is(Role.ADMIN) || spaces.isManagedBy(spaceId, new MemberId(actor.id()));
        // Who asks is checked first, so that a stranger learns nothing about the booking's state.
        if (!staff && !actor.isMember(memberId)) {
            throw BookingRefusal.notYours();
        }
        requireLiveAndNotOver(now);
        if (!staff && !now.isBefore(period.start())) {
            throw BookingRefusal.alreadyStarted();
        }
        return cancelAsAsked(actor, staff, command.note(), now, invoicing, deadlines);
    }

    /**
     * As one occurrence of a series cancelled from a date on, by someone allowed to cancel the series: an
     * occurrence that is no longer live, or has started and {@code staff} is false, is left as it is.
     */
    Optional<BookingCancelled> cancelWithSeries(Actor actor, boolean staff, Instant now, Invoicing invoicing,
                                                DeadlineManager deadlines) {
        boolean cancellable = status.isLive() && now.isBefore(period.end()) && (staff || now.isBefore(period.start()));
        return cancellable ? Optional.of(cancelAsAsked(actor, staff, null, now, invoicing, deadlines))
                : Optional.empty();
    }

    /** Rule 4: the member pays the late fee on a paid booking inside the window; staff cancel for free. */
    private BookingCancelled cancelAsAsked(Actor actor, boolean staff, String note, Instant now, Invoicing invoicing,
                                           DeadlineManager deadlines) {
        Money fee = staff || !isPaid() ? nothing() : CancellationFee.forMember(price, period, cancellationPolicy, now);
        BookingCancelled cancelled = cancel(actor, staff ? CancellationReason.BY_STAFF : CancellationReason.BY_MEMBER,
                note, fee, invoicing, now);
        deadlines.cancelAllWithinScope(REMINDER);
        return cancelled;
    }

    /** A maintenance block takes the slot: the member gets everything back. */
    public void displaceForMaintenance(Actor actor, String note, Instant now, Invoicing invoicing,
                                       DeadlineManager deadlines) {
        requireLiveAndNotOver(now);
        cancel(actor, CancellationReason.MAINTENANCE, note, nothing(), invoicing, now);
        deadlines.cancelAllWithinScope(REMINDER);
    }

    /**
     * What was paid, less the fee, goes back; an unpaid booking costs nothing to cancel and refunds nothing. A
     * paid booking's invoice is credited in full, and a fee is invoiced on its own, so that every amount kept
     * or returned has its own numbered document.
     */
    private BookingCancelled cancel(Actor actor, CancellationReason reason, String note, Money fee,
                                    Invoicing invoicing, Instant now) {
        boolean paid = isPaid();
        Money refund = paid ? price.minus(fee) : nothing();
        BookingCancelled cancelled = new BookingCancelled(bookingId, resourceId, spaceId, memberId, period, actor.id(),
                reason, note, fee, refund);
        apply(cancelled);
        if (paid) {
            apply(invoicing.creditNote(invoiceSubject(now), "Cancelled: booking of " + describe(), price, invoiceId));
            if (fee.minorUnits() > 0) {
                apply(invoicing.invoice(invoiceSubject(now), "Late cancellation fee: booking of " + describe(), fee));
            }
        }
        return cancelled;
    }

    private Invoicing.Subject invoiceSubject(Instant now) {
        return new Invoicing.Subject(bookingId, spaceId, memberId, LocalDate.ofInstant(now, timeZone));
    }

    /** E.g. "resource 4f…, 2026-12-07 09:00–11:00 (Europe/Amsterdam)", in the space's local time. */
    private String describe() {
        ZonedDateTime start = period.start().atZone(timeZone);
        ZonedDateTime end = period.end().atZone(timeZone);
        String until = start.toLocalDate().equals(end.toLocalDate()) ? end.toLocalTime().toString()
                : end.toLocalDate() + " " + end.toLocalTime();
        return "resource " + resourceId + ", " + start.toLocalDate() + " " + start.toLocalTime() + "–" + until
                + " (" + timeZone.getId() + ")";
    }

    private boolean isPaid() {
        return status == BookingStatus.CONFIRMED;
    }

    private Money nothing() {
        return Money.zero(price.currency());
    }

    private void requireLiveAndNotOver(Instant now) {
        if (!status.isLive()) {
            throw BookingRefusal.notLive(status.name());
        }
        if (!now.isBefore(period.end())) {
            throw BookingRefusal.alreadyEnded();
        }
    }

    @EventSourcingHandler
    void on(BookingPlaced event) {
        bookingId = event.bookingId();
        resourceId = event.resourceId();
        spaceId = event.spaceId();
        memberId = event.memberId();
        period = event.period();
        price = event.price();
        cancellationPolicy = event.cancellationPolicy();
        timeZone = event.timeZone();
        seriesId = event.seriesId();
        status = BookingStatus.PENDING_PAYMENT;
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
