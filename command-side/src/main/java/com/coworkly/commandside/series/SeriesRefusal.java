package com.coworkly.commandside.series;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.events.booking.SkippedOccurrence;
import com.coworkly.platform.web.BusinessRefusal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;

/** The ways a series of recurring bookings is refused as a whole (series in local time, docs/domain.md). */
public final class SeriesRefusal extends BusinessRefusal {

    /** At most a year of weekly bookings in one request. */
    static final int MAX_OCCURRENCES = 52;

    private SeriesRefusal(RefusalCode code, Kind kind, String detail) {
        super(code, kind, detail);
    }

    private SeriesRefusal(RefusalCode code, Kind kind, String detail, Map<String, Object> properties) {
        super(code, kind, detail, properties);
    }

    static SeriesRefusal invalidRecurrence(String why) {
        return new SeriesRefusal(
                RefusalCode.RECURRENCE_INVALID,
                Kind.BAD_REQUEST,
                "The recurrence is not a valid RFC 5545 RRULE: " + why);
    }

    static SeriesRefusal unsupportedRecurrence(String why) {
        return new SeriesRefusal(RefusalCode.RECURRENCE_NOT_SUPPORTED, Kind.BAD_REQUEST, why);
    }

    static SeriesRefusal unbounded() {
        return new SeriesRefusal(
                RefusalCode.RECURRENCE_UNBOUNDED,
                Kind.BAD_REQUEST,
                "A series ends: give COUNT or UNTIL (at most " + MAX_OCCURRENCES + " occurrences).");
    }

    static SeriesRefusal tooManyOccurrences() {
        return new SeriesRefusal(
                RefusalCode.TOO_MANY_OCCURRENCES,
                Kind.INVALID,
                "A series has at most " + MAX_OCCURRENCES + " occurrences.");
    }

    static SeriesRefusal beyondHorizon(Duration horizon) {
        return new SeriesRefusal(
                RefusalCode.SERIES_BEYOND_HORIZON,
                Kind.INVALID,
                "The series runs past how far ahead this " + "resource can be booked (" + horizon.toDays()
                        + " days); end it sooner.");
    }

    static SeriesRefusal startNotAnOccurrence(DayOfWeek day) {
        return new SeriesRefusal(
                RefusalCode.START_NOT_AN_OCCURRENCE,
                Kind.INVALID,
                "The series starts with the period " + "requested, but the recurrence does not include its day (" + day
                        + ").");
    }

    static SeriesRefusal localTimeDoesNotExist() {
        return new SeriesRefusal(
                RefusalCode.LOCAL_TIME_DOES_NOT_EXIST,
                Kind.INVALID,
                "The clocks skip this occurrence's local time in the space's time zone.");
    }

    static SeriesRefusal conflicts(List<SkippedOccurrence> conflicts) {
        return new SeriesRefusal(
                RefusalCode.SERIES_HAS_CONFLICTS,
                Kind.CONFLICT,
                conflicts.size()
                        + " occurrence(s) of the series cannot be booked, so none was; see conflicts, or ask to skip them.",
                Map.of("conflicts", described(conflicts)));
    }

    static SeriesRefusal nothingBookable(List<SkippedOccurrence> conflicts) {
        return new SeriesRefusal(
                RefusalCode.SERIES_HAS_CONFLICTS,
                Kind.CONFLICT,
                "No occurrence of the series can be booked; see conflicts.",
                Map.of("conflicts", described(conflicts)));
    }

    /** In the space's local time, which every occurrence has (not every one has an instant). */
    private static List<Map<String, Object>> described(List<SkippedOccurrence> conflicts) {
        return conflicts.stream()
                .<Map<String, Object>>map(conflict -> Map.of(
                        "localStart",
                        ISO_LOCAL_DATE_TIME.format(conflict.localStart()),
                        "localEnd",
                        ISO_LOCAL_DATE_TIME.format(conflict.localEnd()),
                        "code",
                        conflict.code(),
                        "detail",
                        conflict.detail()))
                .toList();
    }

    static SeriesRefusal notYours() {
        return new SeriesRefusal(
                RefusalCode.NOT_YOUR_SERIES,
                Kind.FORBIDDEN,
                "Only the member who booked the series, the space's managers and administrators may do this.");
    }

    static SeriesRefusal nothingToCancel() {
        return new SeriesRefusal(
                RefusalCode.NOTHING_TO_CANCEL,
                Kind.CONFLICT,
                "No occurrence of the series from that time on can be cancelled: they are over, started or cancelled.");
    }

    static SeriesRefusal notAwaitingPayment() {
        return new SeriesRefusal(
                RefusalCode.SERIES_NOT_AWAITING_PAYMENT,
                Kind.CONFLICT,
                "No occurrence of the series waits for its payment: there is nothing to pay.");
    }
}
