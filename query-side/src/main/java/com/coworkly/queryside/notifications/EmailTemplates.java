package com.coworkly.queryside.notifications;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.common.Money;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The booking emails' words: plain text, English, times in the space's zone, money in its currency. Plain text
 * needs no escaping, and every name is cut to one line, so a name cannot add lines to a subject or fake the
 * lines of a body.
 */
final class EmailTemplates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private EmailTemplates() {}

    static Email confirmation(BookingDetails booking) {
        return email(booking, "Booking confirmed", "your booking is confirmed.", "See you there!");
    }

    static Email reminder(BookingDetails booking) {
        return email(
                booking,
                "Reminder",
                "a reminder of your booking, which starts on " + startOf(booking) + ".",
                "See you there!");
    }

    static Email cancellation(BookingDetails booking, BookingCancelled cancelled) {
        String who = cancelled.reason() == CancellationReason.BY_MEMBER
                ? "as you asked"
                : "by the staff of " + oneLine(booking.spaceName());
        return email(
                booking,
                "Booking cancelled",
                "your booking has been cancelled " + who + "." + noteOf(cancelled) + "\n\n" + settlement(cancelled),
                "The slot is free again for others.");
    }

    static Email displacement(BookingDetails booking, BookingCancelled cancelled) {
        String refund = cancelled.refund().minorUnits() > 0
                ? "You get the full price of " + money(cancelled.refund()) + " back."
                : "Nothing has been charged.";
        return email(
                booking,
                "Booking cancelled for maintenance",
                "we are sorry: " + oneLine(booking.resourceName()) + " needs maintenance during your booking, so "
                        + "your booking has been cancelled.\n\n" + refund,
                "We apologise for the inconvenience.");
    }

    static Email expiry(BookingDetails booking) {
        return email(
                booking,
                "Booking expired",
                "your booking was not paid in time, so it has expired and its slot is free again.\n\n"
                        + "Nothing has been charged.",
                "You are welcome to book again.");
    }

    private static Email email(BookingDetails booking, String headline, String opening, String closing) {
        String subject = headline + ": " + oneLine(booking.resourceName()) + " at " + oneLine(booking.spaceName())
                + ", " + startOf(booking);
        String body = """
                Hello %s,

                %s

                Space:     %s
                Resource:  %s
                When:      %s
                Price:     %s
                Reference: %s

                %s

                Coworkly
                """.formatted(
                        oneLine(booking.memberName()),
                        opening,
                        oneLine(booking.spaceName()),
                        oneLine(booking.resourceName()),
                        when(booking),
                        money(booking.price()),
                        booking.bookingId().value(),
                        closing);
        return new Email(booking.memberEmail(), subject, body);
    }

    /** E.g. "Monday 7 December 2026 at 09:00". */
    private static String startOf(BookingDetails booking) {
        ZonedDateTime start = booking.period().start().atZone(booking.zone());
        return DAY.format(start) + " at " + TIME.format(start);
    }

    /**
     * E.g. "Monday 7 December 2026, 09:00–11:00 (Europe/Amsterdam)", with the end's day too when it is another.
     */
    static String when(BookingDetails booking) {
        ZonedDateTime start = booking.period().start().atZone(booking.zone());
        ZonedDateTime end = booking.period().end().atZone(booking.zone());
        String period = start.toLocalDate().equals(end.toLocalDate())
                ? DAY.format(start) + ", " + TIME.format(start) + "–" + TIME.format(end)
                : DAY.format(start) + " " + TIME.format(start) + " – " + DAY.format(end) + " " + TIME.format(end);
        return period + " (" + booking.zone().getId() + ")";
    }

    private static String settlement(BookingCancelled cancelled) {
        if (cancelled.fee().minorUnits() > 0) {
            return "As it was cancelled late, a fee of " + money(cancelled.fee()) + " is charged; "
                    + money(cancelled.refund()) + " is refunded to you.";
        }
        if (cancelled.refund().minorUnits() > 0) {
            return "The full price of " + money(cancelled.refund()) + " is refunded to you.";
        }
        return "Nothing has been charged.";
    }

    /** Why the staff cancelled, in their words; a member's own note is not repeated to them. */
    private static String noteOf(BookingCancelled cancelled) {
        boolean fromStaff = cancelled.reason() == CancellationReason.BY_STAFF;
        return fromStaff && cancelled.note() != null && !cancelled.note().isBlank()
                ? "\nThe reason they gave: " + oneLine(cancelled.note())
                : "";
    }

    /** Minor units as the currency writes them: 1200 EUR is "12.00 EUR", 500 JPY "500 JPY". */
    static String money(Money money) {
        int fractionDigits = Math.max(0, money.currency().getDefaultFractionDigits());
        return BigDecimal.valueOf(money.minorUnits(), fractionDigits).toPlainString() + " "
                + money.currency().getCurrencyCode();
    }

    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
