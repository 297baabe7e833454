package com.coworkly.systemtests.calendar;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's calendar feed over HTTP, read with ical4j as a calendar app would: exactly the live bookings, at
 * the space's local times, at the signed-in address and at a secret one that needs no token until it is
 * replaced or revoked.
 */
@ExtendWith(SharedSystem.class)
class CalendarFeedIT {

    private static final String DESK_NAME = "Desk, \"quiet\"; A\\B\nby the window";

    private Api api;
    private Catalogue.ManagedSpace space;
    private String desk;
    private Api.Session member;
    private long position;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        space = Catalogue.aManagedSpace(api, "Calendar; one, two " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk(DESK_NAME));
        member = api.newMember();
    }

    @Test
    void theFeedHoldsExactlyTheLiveBookingsAtTheSpacesLocalTimes() {
        String pending = book(member, 3);
        String paid = book(member, 4);
        String cancelled = book(member, 5);
        position = Math.max(position, api.pay(paid).eventPosition());
        position = Math.max(
                position,
                api.commandSide()
                        .as(member)
                        .post("/api/bookings/" + cancelled + "/cancel", Map.of("reason", "Plans changed"))
                        .expectStatus(200)
                        .eventPosition());

        Reply reply = api.querySide()
                .as(member)
                .get("/api/members/me/calendar.ics?after=" + position)
                .expectStatus(200);

        assertThat(reply.contentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        Calendar feed = parse(reply);
        assertThat(uids(feed)).containsExactly(pending + "@coworkly", paid + "@coworkly");
        VEvent first = event(feed, pending);
        assertThat(first.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("TENTATIVE");
        assertThat(event(feed, paid).getProperty(Property.STATUS).orElseThrow().getValue())
                .isEqualTo("CONFIRMED");
        assertThat(first.getDateTimeStart()
                        .getParameter(Parameter.TZID)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Amsterdam");
        assertThat(((ZonedDateTime) first.getDateTimeStart().getDate()).toLocalDateTime())
                .isEqualTo(inDays(3, 9, 0).toLocalDateTime());
        assertThat(((ZonedDateTime) first.getDateTimeEnd().getDate()).toLocalDateTime())
                .isEqualTo(inDays(3, 11, 0).toLocalDateTime());
        assertThat(feed.<VTimeZone>getComponents(VTimeZone.VTIMEZONE))
                .extracting(zone -> zone.getTimeZoneId().getValue())
                .containsExactly("Europe/Amsterdam");
        assertThat(first.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .startsWith(DESK_NAME + " at Calendar; one, two ");
        assertThat(first.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Keizersgracht 1, 1015 CC Amsterdam, NL");
    }

    @Test
    void theSecretAddressServesTheSameFeedWithoutAToken() {
        String booked = book(member, 3);
        readUpTo(member);

        String url = issueFeed(member);

        assertThat(url).matches("http://[^/]+/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics");
        Reply reply = api.querySide().get(path(url)).expectStatus(200);
        assertThat(reply.contentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        assertThat(uids(parse(reply))).containsExactly(booked + "@coworkly");
    }

    @Test
    void anotherMembersAddressNeverShowsTheFirstMembersBookings() {
        String mine = book(member, 3);
        Api.Session other = api.newMember();
        String theirs = book(other, 4);
        readUpTo(member);

        String myUrl = issueFeed(member);
        String theirUrl = issueFeed(other);

        assertThat(uids(parse(api.querySide().get(path(theirUrl)).expectStatus(200))))
                .containsExactly(theirs + "@coworkly");
        assertThat(uids(parse(api.querySide().get(path(myUrl)).expectStatus(200))))
                .containsExactly(mine + "@coworkly");
        assertThat(uids(parse(api.querySide().as(other).get(path(myUrl)).expectStatus(200))))
                .as("the address decides whose feed it is, not who asks")
                .containsExactly(mine + "@coworkly");
    }

    @Test
    void aReplacedAddressAndThenARevokedOneAreNotFound() {
        book(member, 3);
        readUpTo(member);
        String first = issueFeed(member);

        String second = issueFeed(member);

        assertThat(second).isNotEqualTo(first);
        notFound(first);
        api.querySide().get(path(second)).expectStatus(200);

        api.querySide().as(member).delete("/api/members/me/calendar-feed").expectStatus(204);

        notFound(second);
        api.querySide().as(member).delete("/api/members/me/calendar-feed").expectStatus(204);
    }

    @Test
    void aMadeUpAddressIsNotFound() {
        notFound("/api/calendar-feeds/" + "A".repeat(43) + ".ics");
        notFound("/api/calendar-feeds/not-a-token.ics");
    }

    @Test
    void theSecretAddressIsGivenOnlyToASignedInMember() {
        api.querySide().post("/api/members/me/calendar-feed", Map.of()).expectProblem(401, "UNAUTHENTICATED");
        api.querySide().get("/api/members/me/calendar.ics").expectProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void anIdempotencyKeyDoesNotKeepTheSecretAddress() {
        Reply first = api.querySide()
                .as(member)
                .header("Idempotency-Key", "feed-1")
                .post("/api/members/me/calendar-feed", Map.of())
                .expectStatus(201);
        Reply again = api.querySide()
                .as(member)
                .header("Idempotency-Key", "feed-1")
                .post("/api/members/me/calendar-feed", Map.of())
                .expectStatus(201);

        assertThat(again.header("Idempotent-Replayed")).isNull();
        notFound(path(first.body().get("url").asText()));
        api.querySide().get(path(again.body().get("url").asText())).expectStatus(200);
    }

    private String book(Api.Session who, int days) {
        Reply placed = api.commandSide()
                .as(who)
                .post("/api/bookings", aBooking(desk, inDays(days, 9, 0), inDays(days, 11, 0)))
                .expectStatus(201);
        position = Math.max(position, placed.eventPosition());
        return placed.body().get("bookingId").asText();
    }

    /** The secret address has no read-your-writes wait; the signed-in feed waits until the bookings are in. */
    private void readUpTo(Api.Session who) {
        api.querySide()
                .as(who)
                .get("/api/members/me/calendar.ics?after=" + position)
                .expectStatus(200);
    }

    private String issueFeed(Api.Session who) {
        Reply issued = api.querySide()
                .as(who)
                .post("/api/members/me/calendar-feed", Map.of())
                .expectStatus(201);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        String url = issued.body().get("url").asText();
        assertThat(issued.header("Location")).isEqualTo(url);
        return url;
    }

    private void notFound(String urlOrPath) {
        api.querySide()
                .header("Accept", "text/calendar")
                .get(path(urlOrPath))
                .expectProblem(404, "CALENDAR_FEED_NOT_FOUND");
    }

    private static String path(String urlOrPath) {
        return URI.create(urlOrPath).getPath();
    }

    private static Calendar parse(Reply reply) {
        try {
            return new CalendarBuilder().build(new StringReader(reply.raw()));
        } catch (Exception e) {
            throw new AssertionError(reply.request() + " answered a body ical4j cannot read: " + reply.raw(), e);
        }
    }

    private static List<String> uids(Calendar feed) {
        return feed.<VEvent>getComponents(VEvent.VEVENT).stream()
                .map(event -> event.getProperty(Property.UID).orElseThrow().getValue())
                .toList();
    }

    private static VEvent event(Calendar feed, String bookingId) {
        return feed.<VEvent>getComponents(VEvent.VEVENT).stream()
                .filter(event ->
                        event.getProperty(Property.UID).orElseThrow().getValue().equals(bookingId + "@coworkly"))
                .findFirst()
                .orElseThrow();
    }
}
