package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One booking's life: placed, confirmed, then cancelled, expired or completed. Rules that span many bookings
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

    Booking() {
        // for Axon
    }

    /**
     * Until payments exist, a placed booking is settled at once, through the same event the payment flow will
     * emit when a payment succeeds.
     */
    Booking(PlaceBooking command, Quote quote) {
        apply(new BookingPlaced(command.bookingId(), command.resourceId(), quote.spaceId(), command.memberId(),
                command.period(), quote.timeZone(), quote.price(), quote.cancellationPolicy()));
        apply(new BookingConfirmed(command.bookingId(), command.resourceId(), quote.spaceId(), command.memberId()));
    }

    @CommandHandler
    BookingCancelled handle(CancelBooking command, Actor actor, SpaceDirectory spaces, Clock clock) {
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
        Money fee = staff ? Money.zero(price.currency()) : CancellationFee.forMember(price, period, cancellationPolicy, now);
        return cancel(actor, staff ? CancellationReason.BY_STAFF : CancellationReason.BY_MEMBER, command.note(), fee);
    }

    /** A maintenance block takes the slot: the member gets everything back. */
    public void displaceForMaintenance(Actor actor, String note, Instant now) {
        requireLiveAndNotOver(now);
        cancel(actor, CancellationReason.MAINTENANCE, note, Money.zero(price.currency()));
    }

    private BookingCancelled cancel(Actor actor, CancellationReason reason, String note, Money fee) {
        BookingCancelled cancelled = new BookingCancelled(bookingId, resourceId, spaceId, memberId, period, actor.id(),
                reason, note, fee, price.minus(fee));
        apply(cancelled);
        return cancelled;
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
        status = BookingStatus.PENDING_PAYMENT;
    }

    @EventSourcingHandler
    void on(BookingConfirmed event) {
        status = BookingStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        status = BookingStatus.CANCELLED;
    }
}
