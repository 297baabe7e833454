package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.platform.web.BusinessRefusal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The ways a booking is refused, each naming the rule in business words. */
public final class BookingRefusal extends BusinessRefusal {

    private BookingRefusal(RefusalCode code, Kind kind, String detail) {
        super(code, kind, detail);
    }

    private BookingRefusal(RefusalCode code, Kind kind, String detail, Map<String, Object> properties) {
        super(code, kind, detail, properties);
    }

    static BookingRefusal notAlignedToSlot(Duration slot) {
        return new BookingRefusal(
                RefusalCode.NOT_ALIGNED_TO_SLOT,
                Kind.INVALID,
                "Bookings of this resource start and end on whole slots of " + slot.toMinutes() + " minutes.");
    }

    static BookingRefusal outsideOpeningHours() {
        return new BookingRefusal(
                RefusalCode.OUTSIDE_OPENING_HOURS,
                Kind.INVALID,
                "The resource is not open for the whole of the requested period.");
    }

    static BookingRefusal tooShort(Duration minimum) {
        return new BookingRefusal(
                RefusalCode.BOOKING_TOO_SHORT,
                Kind.INVALID,
                "Bookings of this resource last at least " + minimum.toMinutes() + " minutes.");
    }

    static BookingRefusal tooLong(Duration maximum) {
        return new BookingRefusal(
                RefusalCode.BOOKING_TOO_LONG,
                Kind.INVALID,
                "Bookings of this resource last at most " + maximum.toMinutes() + " minutes.");
    }

    static BookingRefusal beyondHorizon(Duration horizon) {
        return new BookingRefusal(
                RefusalCode.BEYOND_BOOKING_HORIZON,
                Kind.INVALID,
                "This resource can be booked at most " + horizon.toDays() + " days ahead.");
    }

    static BookingRefusal inThePast() {
        return new BookingRefusal(RefusalCode.BOOKING_IN_THE_PAST, Kind.INVALID, "A booking cannot start in the past.");
    }

    static BookingRefusal resourceRetired() {
        return new BookingRefusal(RefusalCode.RESOURCE_RETIRED, Kind.CONFLICT, "This resource takes no new bookings.");
    }

    public static BookingRefusal slotUnavailable() {
        return new BookingRefusal(
                RefusalCode.SLOT_UNAVAILABLE,
                Kind.CONFLICT,
                "The resource is already booked or blocked for part of this period.");
    }

    static BookingRefusal notEnoughCredits(long minutes, long covered) {
        return new BookingRefusal(
                RefusalCode.NOT_ENOUGH_CREDITS,
                Kind.CONFLICT,
                "Your plan takes only credits for this resource, and they cover " + covered + " of the booking's "
                        + minutes + " minutes.");
    }

    public static BookingRefusal memberLimitReached(int limit) {
        return new BookingRefusal(
                RefusalCode.MEMBER_LIMIT_REACHED,
                Kind.CONFLICT,
                "A member holds at most " + limit + " bookings at the same time.");
    }

    public static BookingRefusal quotaReached(BookingQuotaRule.Exceeded exceeded) {
        String per = switch (exceeded.unit()) {
            case DAY -> "day";
            case WEEK -> "week (Monday to Sunday)";
            case MONTH -> "calendar month";
        };
        return new BookingRefusal(
                RefusalCode.BOOKING_QUOTA_REACHED,
                Kind.CONFLICT,
                "A member books at most " + exceeded.cap().toMinutes() + " minutes a " + per
                        + " in this space; this booking would go beyond it.");
    }

    static BookingRefusal notYoursToBookFor() {
        return new BookingRefusal(
                RefusalCode.NOT_YOURS_TO_BOOK_FOR,
                Kind.FORBIDDEN,
                "Only the space's managers, the member's company administrators and the network's administrators may book"
                        + " for another member.");
    }

    static BookingRefusal unknownMember(MemberId member) {
        return new BookingRefusal(
                RefusalCode.MEMBER_NOT_FOUND, Kind.NOT_FOUND, "There is no such member: " + member + ".");
    }

    static BookingRefusal notYours() {
        return new BookingRefusal(
                RefusalCode.NOT_YOUR_BOOKING,
                Kind.FORBIDDEN,
                "Only the member who booked, the space's managers and administrators may do this.");
    }

    static BookingRefusal notLive(String status) {
        return new BookingRefusal(
                RefusalCode.BOOKING_NOT_LIVE, Kind.CONFLICT, "The booking is " + status.toLowerCase() + " already.");
    }

    static BookingRefusal notAwaitingPayment(String status) {
        return new BookingRefusal(
                RefusalCode.BOOKING_NOT_AWAITING_PAYMENT,
                Kind.CONFLICT,
                "The booking is " + status.toLowerCase() + ": there is nothing to pay.");
    }

    static BookingRefusal paidWithItsSeries() {
        return new BookingRefusal(
                RefusalCode.PAID_WITH_ITS_SERIES,
                Kind.CONFLICT,
                "This booking is paid with its series: ask for the series' payment instead.");
    }

    static BookingRefusal alreadyStarted() {
        return new BookingRefusal(
                RefusalCode.BOOKING_ALREADY_STARTED,
                Kind.CONFLICT,
                "A booking that has started can only be cancelled by the space's staff.");
    }

    static BookingRefusal alreadyEnded() {
        return new BookingRefusal(RefusalCode.BOOKING_ALREADY_ENDED, Kind.CONFLICT, "The booking is over.");
    }

    public static BookingRefusal blockedByBookings(List<BookingId> bookings) {
        return new BookingRefusal(
                RefusalCode.BLOCK_CONFLICTS_WITH_BOOKINGS,
                Kind.CONFLICT,
                "The period has live bookings; ask to displace them to block it anyway.",
                Map.of(
                        "conflictingBookingIds",
                        bookings.stream().map(BookingId::value).toList()));
    }

    public static BookingRefusal blockInThePast() {
        return new BookingRefusal(
                RefusalCode.BLOCK_IN_THE_PAST,
                Kind.INVALID,
                "A maintenance block must end in the future: a period that is over has nothing left to keep free.");
    }
}
