package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.BookableTerms;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The rule "placement terms" (docs/domain.md): a booking is aligned to the resource's slots, inside its opening hours,
 * within its length limits and horizon, not in the past, and of a resource that is not retired. Slots and opening hours
 * are read in the space's local time, so they follow daylight-saving changes; lengths and prices count the time that
 * actually passes.
 */
public final class PlacementPolicy {

    private PlacementPolicy() {}

    public static Quote quote(BookableTerms resource, SpaceTerms space, Period period, Instant now) {
        BookingPolicy policy = resource.bookingPolicy();
        ZoneId zone = space.timeZone();
        if (resource.retired()) {
            throw BookingRefusal.resourceRetired();
        }
        if (period.start().isBefore(now)) {
            throw BookingRefusal.inThePast();
        }
        if (period.start().isAfter(now.plus(policy.horizon()))) {
            throw BookingRefusal.beyondHorizon(policy.horizon());
        }
        if (!isAlignedToSlot(period.start(), policy.slot(), zone)
                || !isAlignedToSlot(period.end(), policy.slot(), zone)) {
            throw BookingRefusal.notAlignedToSlot(policy.slot());
        }
        if (period.length().compareTo(policy.minimumLength()) < 0) {
            throw BookingRefusal.tooShort(policy.minimumLength());
        }
        if (period.length().compareTo(policy.maximumLength()) > 0) {
            throw BookingRefusal.tooLong(policy.maximumLength());
        }
        if (!fitsOpeningHours(period, resource.openingHours(), zone)) {
            throw BookingRefusal.outsideOpeningHours();
        }
        return new Quote(
                resource.spaceId(),
                zone,
                priceOf(resource.hourlyPrice(), period.length()),
                space.cancellationPolicy(),
                resource.buffers());
    }

    /** Slots start at local midnight: a 30-minute slot allows 09:00 and 09:30, never 09:10. */
    static boolean isAlignedToSlot(Instant instant, Duration slot, ZoneId zone) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return local.getNano() == 0 && local.toSecondOfDay() % slot.toSeconds() == 0;
    }

    /** Every instant of the period lies in an opening window; windows that meet at midnight join up. */
    static boolean fitsOpeningHours(Period period, WeeklyOpeningHours hours, ZoneId zone) {
        Instant covered = period.start();
        while (covered.isBefore(period.end())) {
            Optional<Instant> closing = closingOfWindowAt(covered, hours, zone);
            if (closing.isEmpty() || !closing.get().isAfter(covered)) {
                return false;
            }
            covered = closing.get();
        }
        return true;
    }

    private static Optional<Instant> closingOfWindowAt(Instant instant, WeeklyOpeningHours hours, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalTime time = local.toLocalTime();
        for (OpeningWindow window : hours.windows()) {
            boolean runsToMidnight = window.closes().equals(LocalTime.MIDNIGHT);
            boolean contains = window.day() == local.getDayOfWeek()
                    && !time.isBefore(window.opens())
                    && (runsToMidnight || time.isBefore(window.closes()));
            if (contains) {
                LocalDateTime closes = runsToMidnight
                        ? local.toLocalDate().plusDays(1).atStartOfDay()
                        : local.toLocalDate().atTime(window.closes());
                return Optional.of(ZonedDateTime.ofLocal(closes, zone, null).toInstant());
            }
        }
        return Optional.empty();
    }

    /** The hourly price for the time that passes, to the nearest minor unit (half up). */
    static Money priceOf(Money hourlyPrice, Duration length) {
        long seconds = length.toSeconds();
        long minorUnits = Math.floorDiv(Math.multiplyExact(hourlyPrice.minorUnits(), seconds) + 1800, 3600);
        return new Money(minorUnits, hourlyPrice.currency());
    }
}
