package com.coworkly.commandside.booking;

import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.common.SpaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What a booking was placed for, as its {@code BookingPlaced} says: who booked which period of which resource,
 * at what price and on which cancellation terms. It never changes; what happens to the booking since is the
 * {@link Booking}'s state. {@code seriesId} is null for a booking of its own.
 */
record Booked(
        BookingId bookingId,
        ResourceId resourceId,
        SpaceId spaceId,
        MemberId memberId,
        Period period,
        ZoneId timeZone,
        Money price,
        CancellationPolicy cancellationPolicy,
        SeriesId seriesId) {

    static Booked by(BookingPlaced event) {
        return new Booked(
                event.bookingId(),
                event.resourceId(),
                event.spaceId(),
                event.memberId(),
                event.period(),
                event.timeZone(),
                event.price(),
                event.cancellationPolicy(),
                event.seriesId());
    }

    boolean isOccurrenceOfSeries() {
        return seriesId != null;
    }

    boolean hasStartedAt(Instant now) {
        return !now.isBefore(period.start());
    }

    boolean isOverAt(Instant now) {
        return !now.isBefore(period.end());
    }

    /** The late-cancellation fee a member pays for cancelling at {@code now}, or nothing. */
    Money memberFeeAt(Instant now) {
        return CancellationFee.forMember(price, period, cancellationPolicy, now);
    }

    /**
     * What a member gets back of the {@code minutes} their credits paid for cancelling at {@code now}: all of it
     * before the late window, less the late fee's share (half up) inside it.
     */
    long creditsBackAt(long minutes, Instant now) {
        if (!CancellationFee.isLateCancellation(period, cancellationPolicy, now)) {
            return minutes;
        }
        return minutes - Math.floorDiv(Math.multiplyExact(minutes, cancellationPolicy.lateFeePercent()) + 50, 100);
    }

    Money nothing() {
        return Money.zero(price.currency());
    }

    /** A document issued now is dated the space's day; the booking is supplied on its first day there. */
    Invoicing.Subject invoiceSubjectAt(Instant now) {
        return new Invoicing.Subject(
                bookingId,
                spaceId,
                memberId,
                resourceId,
                LocalDate.ofInstant(now, timeZone),
                LocalDate.ofInstant(period.start(), timeZone),
                describePeriod());
    }

    String describePeriod() {
        return describe(period, timeZone);
    }

    /** E.g. "2026-12-07 09:00–11:00 (Europe/Amsterdam)", in the space's local time. */
    static String describe(Period period, ZoneId timeZone) {
        ZonedDateTime start = period.start().atZone(timeZone);
        ZonedDateTime end = period.end().atZone(timeZone);
        String until = start.toLocalDate().equals(end.toLocalDate())
                ? end.toLocalTime().toString()
                : end.toLocalDate() + " " + end.toLocalTime();
        return start.toLocalDate() + " " + start.toLocalTime() + "–" + until + " (" + timeZone.getId() + ")";
    }
}
