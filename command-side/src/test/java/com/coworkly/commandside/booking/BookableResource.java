package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.BookableTerms;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Money;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;

import static com.coworkly.commandside.booking.BookingTestData.CENTRAL;
import static com.coworkly.commandside.booking.BookingTestData.DESK;
import static com.coworkly.commandside.booking.BookingTestData.euros;

/** What a resource at Central offers a booking, built from named examples and changed one term at a time. */
record BookableResource(
        Money hourlyPrice, WeeklyOpeningHours openingHours, BookingPolicy bookingPolicy, boolean isRetired) {

    /** EUR 10 an hour, weekdays eight to eight, half-hour slots, one to four hours, up to two weeks ahead. */
    static BookableResource aDesk() {
        return new BookableResource(
                euros(10),
                openOn(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new BookingPolicy(
                        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(14)),
                false);
    }

    /** EUR 10 an hour, open day and night all week, whole-hour slots of one to eight hours, a year ahead. */
    static BookableResource aRoundTheClockRoom() {
        return new BookableResource(
                euros(10),
                openOn(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                hourSlots(1, 8),
                false);
    }

    /** Whole-hour slots, bookings of {@code minimum} to {@code maximum} hours, up to a year ahead. */
    static BookingPolicy hourSlots(int minimum, int maximum) {
        return new BookingPolicy(
                Duration.ofHours(1), Duration.ofHours(minimum), Duration.ofHours(maximum), Duration.ofDays(365));
    }

    /** Quarter-hour slots, a quarter of an hour to four hours, up to two weeks ahead. */
    static BookingPolicy quarterHourSlots() {
        return new BookingPolicy(
                Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(4), Duration.ofDays(14));
    }

    /** Ninety-minute slots (00:00, 01:30, 03:00, …), one to four slots, up to a year ahead. */
    static BookingPolicy ninetyMinuteSlots() {
        return new BookingPolicy(
                Duration.ofMinutes(90), Duration.ofMinutes(90), Duration.ofHours(6), Duration.ofDays(365));
    }

    private static WeeklyOpeningHours openOn(EnumSet<DayOfWeek> days, LocalTime opens, LocalTime closes) {
        return new WeeklyOpeningHours(
                days.stream().map(day -> new OpeningWindow(day, opens, closes)).toList());
    }

    /** A week open only during {@code windows}. */
    static WeeklyOpeningHours aWeekOf(OpeningWindow... windows) {
        return new WeeklyOpeningHours(Arrays.asList(windows));
    }

    static OpeningWindow window(DayOfWeek day, String opens, String closes) {
        return new OpeningWindow(day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    BookableResource pricedAt(Money newHourlyPrice) {
        return new BookableResource(newHourlyPrice, openingHours, bookingPolicy, isRetired);
    }

    BookableResource openDuring(WeeklyOpeningHours newOpeningHours) {
        return new BookableResource(hourlyPrice, newOpeningHours, bookingPolicy, isRetired);
    }

    BookableResource bookedBy(BookingPolicy newBookingPolicy) {
        return new BookableResource(hourlyPrice, openingHours, newBookingPolicy, isRetired);
    }

    BookableResource retired() {
        return new BookableResource(hourlyPrice, openingHours, bookingPolicy, true);
    }

    BookableTerms terms() {
        return new BookableTerms(
                DESK, CENTRAL, ResourceKind.DESK, hourlyPrice, openingHours, bookingPolicy, Buffers.NONE, 1, isRetired);
    }
}
