package com.coworkly.queryside.notifications;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.booking.ReminderFellDue;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.identity.MemberRegistered;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;

/** Named builders of the events the notifications follow: Mia books Desk 7 at Amsterdam Central. */
final class NotificationEvents {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final SpaceId SPACE = new SpaceId("space-ams");
    static final ResourceId DESK = new ResourceId("desk-7");
    static final MemberId MIA = new MemberId("mia");
    /** Monday 7 December 2026, 09:00–11:00 in Amsterdam. */
    static final Period MONDAY_MORNING =
            new Period(Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"));

    private NotificationEvents() {}

    static MemberRegistered miaRegistered() {
        return new MemberRegistered(MIA, "mia@example.test", "Mia");
    }

    static SpaceRegistered spaceRegistered() {
        return new SpaceRegistered(
                SPACE,
                "Amsterdam Central",
                AMSTERDAM,
                Currency.getInstance("EUR"),
                new BigDecimal("21.00"),
                CancellationPolicy.STANDARD,
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                Duration.ofHours(24));
    }

    static ResourceAdded deskAdded() {
        WeeklyOpeningHours always = new WeeklyOpeningHours(Arrays.stream(DayOfWeek.values())
                .map(day -> new OpeningWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
                .toList());
        return new ResourceAdded(
                DESK,
                SPACE,
                new ResourceDescription(ResourceKind.DESK, "Desk 7", 1),
                Money.of(600, "EUR"),
                always,
                new BookingPolicy(
                        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(90)));
    }

    static BookingPlaced placed(String bookingId) {
        return new BookingPlaced(
                new BookingId(bookingId),
                DESK,
                SPACE,
                MIA,
                MONDAY_MORNING,
                AMSTERDAM,
                Money.of(1200, "EUR"),
                CancellationPolicy.STANDARD);
    }

    static BookingConfirmed confirmed(String bookingId) {
        return new BookingConfirmed(new BookingId(bookingId), DESK, SPACE, MIA);
    }

    static ReminderFellDue reminderFellDue(String bookingId) {
        return new ReminderFellDue(new BookingId(bookingId), DESK, SPACE, MIA, MONDAY_MORNING);
    }

    static BookingCancelled cancelled(String bookingId, CancellationReason reason, long fee, long refund) {
        return new BookingCancelled(
                new BookingId(bookingId),
                DESK,
                SPACE,
                MIA,
                MONDAY_MORNING,
                "someone",
                reason,
                null,
                Money.of(fee, "EUR"),
                Money.of(refund, "EUR"));
    }

    static BookingExpired expired(String bookingId) {
        return new BookingExpired(new BookingId(bookingId), DESK, SPACE, MIA, MONDAY_MORNING, "payment hold ran out");
    }
}
