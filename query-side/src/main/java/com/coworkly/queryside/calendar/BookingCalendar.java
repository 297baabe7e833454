package com.coworkly.queryside.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's live bookings as an RFC 5545 calendar, one VEVENT per booking, at the local times of its space.
 * ical4j writes the text, so escaping ({@code , ; \} and line breaks in names) and line folding are its; it
 * folds after 75 characters rather than octets, never inside a character, which RFC 5545 allows.
 */
@Component
class BookingCalendar {

    static final String PRODUCT = "-//Coworkly//Booking calendar//EN";
    static final String NAME = "Coworkly bookings";
    /** How often calendar apps are asked to poll; a booking is usually made or cancelled well ahead. */
    static final Duration REFRESH = Duration.ofMinutes(15);

    private static final ZoneId UTC = ZoneId.of("Etc/UTC");

    private final ZoneDefinitions zones;
    private final Clock clock;

    BookingCalendar(ZoneDefinitions zones, Clock clock) {
        this.zones = zones;
        this.clock = clock;
    }

    /** The bookings as iCalendar text (CRLF lines, folded at 75 octets), stamped now. */
    String of(List<LiveBooking> bookings) {
        Instant now = clock.instant();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Name(NAME));
        calendar.add(new XProperty("X-WR-CALNAME", NAME));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        Map<ZoneId, VTimeZone> used = new LinkedHashMap<>();
        List<VEvent> events =
                bookings.stream().map(booking -> event(booking, now, used)).toList();
        if (events.isEmpty()) {
            // RFC 5545 wants at least one component in a calendar; an unused time zone is the one that means nothing.
            zones.of(UTC).ifPresent(utc -> used.put(UTC, utc));
        }
        used.values().forEach(calendar::add);
        events.forEach(calendar::add);
        return text(calendar);
    }

    /** Zones without a bundled definition (fixed offsets) are written in UTC, which is exact for them. */
    private VEvent event(LiveBooking booking, Instant now, Map<ZoneId, VTimeZone> used) {
        Optional<VTimeZone> zone = zones.of(booking.zone());
        VEvent event = zone.isPresent()
                ? new VEvent(
                        booking.start().atZone(booking.zone()), booking.end().atZone(booking.zone()), summary(booking))
                : new VEvent(booking.start(), booking.end(), summary(booking));
        zone.ifPresent(definition -> used.putIfAbsent(booking.zone(), definition));
        event.replace(new DtStamp(now));
        event.add(new Uid(uid(booking.bookingId())));
        booking.address().ifPresent(address -> event.add(new Location(address)));
        event.add(booking.confirmed() ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_TENTATIVE);
        // A booking's period never changes; its one revision is being paid, which apps should take as newer.
        event.add(new Sequence(booking.confirmed() ? 1 : 0));
        if (!booking.confirmed()) {
            event.add(new Description("Awaiting payment: the slot is held only for a short time until it is paid."));
        }
        return event;
    }

    /** Stable per booking, so that a calendar app replaces the event when the feed changes it. */
    static String uid(String bookingId) {
        return bookingId + "@coworkly";
    }

    private static String summary(LiveBooking booking) {
        if (booking.resourceName().isPresent() && booking.spaceName().isPresent()) {
            return booking.resourceName().get() + " at " + booking.spaceName().get();
        }
        return booking.resourceName()
                .or(() -> booking.spaceName().map(space -> "Booking at " + space))
                .orElse("Coworkly booking");
    }

    private static String text(Calendar calendar) {
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer does not fail", e);
        }
        return text.toString();
    }
}
