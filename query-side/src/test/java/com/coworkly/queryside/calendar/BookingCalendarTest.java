package com.coworkly.queryside.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar text of a member's bookings, read back with ical4j's parser as a calendar app would read it. */
class BookingCalendarTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final ZoneDefinitions zones = new ZoneDefinitions();
    private final BookingCalendar calendar = new BookingCalendar(zones, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAmsterdamBookingIsAtItsLocalTimesInTheSpacesZone() {
        Calendar feed = parse(
                calendar.of(List.of(aConfirmedBooking("b-1", AMSTERDAM, "2026-12-07T09:00", "2026-12-07T11:00"))));

        VEvent event = onlyEvent(feed);
        assertThat(tzid(event, Property.DTSTART)).isEqualTo("Europe/Amsterdam");
        assertThat(tzid(event, Property.DTEND)).isEqualTo("Europe/Amsterdam");
        assertThat(local(event.getDateTimeStart())).isEqualTo(LocalDateTime.parse("2026-12-07T09:00"));
        assertThat(local(event.getDateTimeEnd())).isEqualTo(LocalDateTime.parse("2026-12-07T11:00"));
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(timeZoneIds(feed)).containsExactly("Europe/Amsterdam");
    }

    @Test
    void aSummerBookingKeepsItsLocalTimesAcrossTheClockChange() {
        Calendar feed = parse(
                calendar.of(List.of(aConfirmedBooking("b-1", AMSTERDAM, "2026-07-07T09:00", "2026-07-07T11:00"))));

        VEvent event = onlyEvent(feed);
        assertThat(local(event.getDateTimeStart())).isEqualTo(LocalDateTime.parse("2026-07-07T09:00"));
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2026-07-07T07:00:00Z"));
    }

    @Test
    void everyZoneUsedIsDefinedOnceInTheCalendar() {
        Calendar feed = parse(calendar.of(List.of(
                aConfirmedBooking("b-1", AMSTERDAM, "2026-12-07T09:00", "2026-12-07T11:00"),
                aConfirmedBooking("b-2", NEW_YORK, "2026-12-08T09:00", "2026-12-08T11:00"),
                aConfirmedBooking("b-3", AMSTERDAM, "2026-12-09T09:00", "2026-12-09T11:00"))));

        Set<String> used = feed.<VEvent>getComponents(VEvent.VEVENT).stream()
                .flatMap(event -> event.getProperties().stream())
                .flatMap(property -> property.getParameters(Parameter.TZID).stream())
                .map(Parameter::getValue)
                .collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrder("Europe/Amsterdam", "America/New_York");
        assertThat(timeZoneIds(feed)).containsExactly("Europe/Amsterdam", "America/New_York");
    }

    @Test
    void eachBookingKeepsItsUidFromOneFeedToTheNext() {
        List<LiveBooking> bookings = List.of(
                aPendingBooking("b-1", AMSTERDAM, "2026-12-07T09:00", "2026-12-07T11:00"),
                aConfirmedBooking("b-2", AMSTERDAM, "2026-12-08T09:00", "2026-12-08T11:00"));
        BookingCalendar later = new BookingCalendar(zones, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));

        assertThat(uids(parse(calendar.of(bookings)))).containsExactly("b-1@coworkly", "b-2@coworkly");
        assertThat(uids(parse(later.of(bookings)))).containsExactly("b-1@coworkly", "b-2@coworkly");
    }

    @Test
    void aConfirmedBookingIsConfirmedAndAPendingOneTentativeAndOlder() {
        Calendar feed = parse(calendar.of(List.of(
                aPendingBooking("pending", AMSTERDAM, "2026-12-07T09:00", "2026-12-07T11:00"),
                aConfirmedBooking("paid", AMSTERDAM, "2026-12-08T09:00", "2026-12-08T11:00"))));

        List<VEvent> events = feed.getComponents(VEvent.VEVENT);
        assertThat(value(events.get(0), Property.STATUS)).isEqualTo("TENTATIVE");
        assertThat(value(events.get(0), Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(events.get(0), Property.DESCRIPTION)).startsWith("Awaiting payment");
        assertThat(value(events.get(1), Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(events.get(1), Property.SEQUENCE)).isEqualTo("1");
        assertThat(events.get(1).getProperty(Property.DESCRIPTION)).isEmpty();
    }

    @Test
    void theEventNamesTheResourceAndTheSpaceAndIsAtTheSpacesAddress() {
        VEvent event = onlyEvent(parse(
                calendar.of(List.of(aConfirmedBooking("b-1", AMSTERDAM, "2026-12-07T09:00", "2026-12-07T11:00")))));

        assertThat(value(event, Property.SUMMARY)).isEqualTo("Desk 12 at Amsterdam Central");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Keizersgracht 1, 1015 CC Amsterdam, NL");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261125T120000Z");
    }

    @Test
    void namesWithCommasSemicolonsBackslashesAndLineBreaksAreEscapedAndReadBackAsStored() {
        String resource = "Desk, \"quiet\"; A\\B\nsecond line";
        String space = "Space; one, two\\three";
        LiveBooking booking = new LiveBooking(
                "b-1",
                Instant.parse("2026-12-07T08:00:00Z"),
                Instant.parse("2026-12-07T10:00:00Z"),
                AMSTERDAM,
                true,
                Optional.of(resource),
                Optional.of(space),
                Optional.of("Gracht 1; 2, Amsterdam"));

        String text = calendar.of(List.of(booking));

        assertThat(text).contains("SUMMARY:Desk\\, \"quiet\"\\; A\\\\B\\nsecond line at Space\\; one\\, two\\\\three");
        assertThat(text).contains("LOCATION:Gracht 1\\; 2\\, Amsterdam");
        VEvent event = onlyEvent(parse(text));
        assertThat(value(event, Property.SUMMARY)).isEqualTo(resource + " at " + space);
        assertThat(value(event, Property.LOCATION)).isEqualTo("Gracht 1; 2, Amsterdam");
    }

    @Test
    void theTextIsLinesEndingInCrLfFoldedAfter75Characters() {
        String longName =
                "A meeting room with a name far longer than one line of a calendar file may hold, " + "é".repeat(40);
        LiveBooking booking = new LiveBooking(
                "b-1",
                Instant.parse("2026-12-07T08:00:00Z"),
                Instant.parse("2026-12-07T10:00:00Z"),
                AMSTERDAM,
                true,
                Optional.of(longName),
                Optional.of("Amsterdam Central"),
                Optional.empty());

        String text = calendar.of(List.of(booking));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text.split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        assertThat(value(onlyEvent(parse(text)), Property.SUMMARY)).isEqualTo(longName + " at Amsterdam Central");
    }

    @Test
    void theCalendarNamesItsProductAndVersionAndValidates() {
        Calendar feed = parse(
                calendar.of(List.of(aConfirmedBooking("b-1", AMSTERDAM, "2026-12-07T09:00", "2026-12-07T11:00"))));

        assertThat(feed.getProductId().getValue()).isEqualTo(BookingCalendar.PRODUCT);
        assertThat(value(feed, Property.VERSION)).isEqualTo("2.0");
        assertThat(feed.getProperty("REFRESH-INTERVAL").orElseThrow().toString().strip())
                .isEqualTo("REFRESH-INTERVAL;VALUE=DURATION:PT15M");
        assertThat(feed.validate().hasErrors()).as(feed.validate().toString()).isFalse();
    }

    @Test
    void aBookingInAZoneWithoutADefinitionIsWrittenInUtc() {
        ZoneId fixed = ZoneOffset.ofHoursMinutes(5, 30);
        Calendar feed =
                parse(calendar.of(List.of(aConfirmedBooking("b-1", fixed, "2026-12-07T09:00", "2026-12-07T11:00"))));

        VEvent event = onlyEvent(feed);
        assertThat(value(event, Property.DTSTART)).isEqualTo("20261207T033000Z");
        assertThat(event.getDateTimeStart().getParameter(Parameter.TZID)).isEmpty();
        assertThat(timeZoneIds(feed)).isEmpty();
    }

    @Test
    void aBookingWhoseResourceTheCatalogueHasNotYetSeenIsShownAllTheSame() {
        LiveBooking unnamed = new LiveBooking(
                "b-1",
                Instant.parse("2026-12-07T08:00:00Z"),
                Instant.parse("2026-12-07T10:00:00Z"),
                AMSTERDAM,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        VEvent event = onlyEvent(parse(calendar.of(List.of(unnamed))));

        assertThat(value(event, Property.SUMMARY)).isEqualTo("Coworkly booking");
        assertThat(event.getProperty(Property.LOCATION)).isEmpty();
    }

    @Test
    void aMemberWithoutLiveBookingsGetsAValidCalendarWithoutEvents() {
        Calendar feed = parse(calendar.of(List.of()));

        assertThat(feed.getComponents(VEvent.VEVENT)).isEmpty();
        assertThat(timeZoneIds(feed)).containsExactly("Etc/UTC");
        assertThat(feed.validate().hasErrors()).as(feed.validate().toString()).isFalse();
    }

    static LiveBooking aConfirmedBooking(String bookingId, ZoneId zone, String localStart, String localEnd) {
        return booking(bookingId, zone, localStart, localEnd, true);
    }

    static LiveBooking aPendingBooking(String bookingId, ZoneId zone, String localStart, String localEnd) {
        return booking(bookingId, zone, localStart, localEnd, false);
    }

    private static LiveBooking booking(
            String bookingId, ZoneId zone, String localStart, String localEnd, boolean confirmed) {
        return new LiveBooking(
                bookingId,
                LocalDateTime.parse(localStart).atZone(zone).toInstant(),
                LocalDateTime.parse(localEnd).atZone(zone).toInstant(),
                zone,
                confirmed,
                Optional.of("Desk 12"),
                Optional.of("Amsterdam Central"),
                Optional.of("Keizersgracht 1, 1015 CC Amsterdam, NL"));
    }

    private static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (Exception e) {
            throw new AssertionError("not a calendar ical4j can read:\n" + text, e);
        }
    }

    private static VEvent onlyEvent(Calendar feed) {
        List<VEvent> events = feed.getComponents(VEvent.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<String> uids(Calendar feed) {
        return feed.<VEvent>getComponents(VEvent.VEVENT).stream()
                .map(event -> value(event, Property.UID))
                .toList();
    }

    private static List<String> timeZoneIds(Calendar feed) {
        return feed.<VTimeZone>getComponents(VTimeZone.VTIMEZONE).stream()
                .map(zone -> zone.getTimeZoneId().getValue())
                .toList();
    }

    private static String tzid(VEvent event, String property) {
        return event.getProperty(property)
                .orElseThrow()
                .getParameter(Parameter.TZID)
                .orElseThrow()
                .getValue();
    }

    private static LocalDateTime local(DtStart<?> start) {
        return ((ZonedDateTime) start.getDate()).toLocalDateTime();
    }

    private static LocalDateTime local(net.fortuna.ical4j.model.property.DtEnd<?> end) {
        return ((ZonedDateTime) end.getDate()).toLocalDateTime();
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String property) {
        return container.getProperty(property).orElseThrow().getValue();
    }
}
