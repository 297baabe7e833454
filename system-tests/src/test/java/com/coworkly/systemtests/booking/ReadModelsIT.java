package com.coworkly.systemtests.booking;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.anOfficeHoursDesk;
import static com.coworkly.systemtests.support.Bookings.nextClockChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Availability and bookings on the query side follow every booking, cancellation and block at once. */
@ExtendWith(SharedSystem.class)
class ReadModelsIT {

    private Api api;
    private Catalogue.ManagedSpace space;
    private Api.Session member;
    private String desk;
    private final LocalDate day = LocalDate.now(AMSTERDAM).plusDays(10);

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        space = Catalogue.aManagedSpace(api, "Read models " + UUID.randomUUID());
        member = api.newMember();
        desk = addResource(api, space, anOfficeHoursDesk("Desk"));
    }

    @Test
    void aBookingShowsInTheBookingsAndLeavesTheAvailability() {
        Reply placed = book(at(10, 0), at(12, 0));
        String bookingId = placed.body().get("bookingId").asText();
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/bookings/" + bookingId + "?after=" + placed.eventPosition())
                        .expectStatus(200)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("PENDING_PAYMENT");

        Reply paid = api.pay(bookingId);

        JsonNode booking = api.querySide()
                .as(member)
                .get("/api/bookings/" + bookingId + "?after=" + paid.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booking.get("price").asLong()).isEqualTo(1200);
        assertThat(booking.get("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(OffsetDateTime.parse(booking.get("start").asText()))
                .isEqualTo(at(10, 0).toOffsetDateTime());
        JsonNode mine = api.querySide()
                .as(member)
                .get("/api/members/me/bookings?after=" + placed.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(mine.get("items"))
                .extracting(item -> item.get("bookingId").asText())
                .containsExactly(bookingId);

        assertThat(freeOnTheDay(placed.eventPosition()))
                .containsExactly(period(at(8, 0), at(10, 0)), period(at(12, 0), at(18, 0)));
    }

    @Test
    void aCancellationShowsWithItsFeeAndFreesTheSlot() {
        String bookingId = book(at(10, 0), at(12, 0)).body().get("bookingId").asText();
        api.pay(bookingId);

        Reply cancelled = api.commandSide()
                .as(member)
                .post("/api/bookings/" + bookingId + "/cancel", Map.of("reason", "Plans changed"))
                .expectStatus(200);

        JsonNode booking = api.querySide()
                .as(member)
                .get("/api/bookings/" + bookingId + "?after=" + cancelled.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(booking.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(booking.get("cancellation").get("fee").asLong()).isZero();
        assertThat(booking.get("cancellation").get("refund").asLong()).isEqualTo(1200);
        assertThat(booking.get("cancellation").get("note").asText()).isEqualTo("Plans changed");
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/members/me/bookings?status=CONFIRMED&after=" + cancelled.eventPosition())
                        .body()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/members/me/bookings?status=CANCELLED")
                        .body()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(freeOnTheDay(cancelled.eventPosition())).containsExactly(period(at(8, 0), at(18, 0)));
    }

    @Test
    void aBlockLeavesTheAvailabilityUntilItIsLifted() {
        Reply blocked = api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + desk + "/blocks", aBlock(at(8, 0), at(9, 30), false))
                .expectStatus(201);
        assertThat(freeOnTheDay(blocked.eventPosition())).containsExactly(period(at(9, 30), at(18, 0)));

        Reply lifted = api.commandSide()
                .as(space.manager())
                .delete("/api/resources/" + desk + "/blocks/"
                        + blocked.body().get("blockId").asText())
                .expectStatus(200);

        assertThat(freeOnTheDay(lifted.eventPosition())).containsExactly(period(at(8, 0), at(18, 0)));
    }

    @Test
    void aDisplacedBookingShowsAsCancelledForMaintenance() {
        String bookingId = book(at(10, 0), at(12, 0)).body().get("bookingId").asText();

        Reply blocked = api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + desk + "/blocks", aBlock(at(9, 0), at(13, 0), true))
                .expectStatus(201);

        JsonNode booking = api.querySide()
                .as(member)
                .get("/api/bookings/" + bookingId + "?after=" + blocked.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(booking.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(booking.get("cancellation").get("reason").asText()).isEqualTo("MAINTENANCE");
        assertThat(freeOnTheDay(blocked.eventPosition()))
                .containsExactly(period(at(8, 0), at(9, 0)), period(at(13, 0), at(18, 0)));
    }

    @Test
    void aBookingIsReadByItsMemberTheSpacesManagersAndAdministratorsOnly() {
        Reply placed = book(at(10, 0), at(12, 0));
        String path = "/api/bookings/" + placed.body().get("bookingId").asText() + "?after=" + placed.eventPosition();

        api.querySide().as(space.manager()).get(path).expectStatus(200);
        api.querySide().as(api.signIn(Api.ADMIN)).get(path).expectStatus(200);
        api.querySide().as(api.newMember()).get(path).expectProblem(403, "NOT_YOUR_BOOKING");
        api.querySide()
                .as(Catalogue.aManagedSpace(api, "Other " + UUID.randomUUID()).manager())
                .get(path)
                .expectProblem(403, "NOT_YOUR_BOOKING");
        api.querySide().as(member).get("/api/bookings/" + UUID.randomUUID()).expectProblem(404, "BOOKING_NOT_FOUND");
        assertThat(api.querySide()
                        .as(api.newMember())
                        .get("/api/members/me/bookings")
                        .body()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void availabilityOnTheDayTheClocksGoForwardFollowsLocalTime() {
        String nightDesk = addResource(api, space, anAlwaysOpenDesk("Night desk"));
        LocalDate springForward = nextClockChange(true);
        ZonedDateTime one = ZonedDateTime.of(springForward, LocalTime.of(1, 0), AMSTERDAM);
        ZonedDateTime four = ZonedDateTime.of(springForward, LocalTime.of(4, 0), AMSTERDAM);
        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(nightDesk, one, four))
                .expectStatus(201);

        JsonNode resource = api.querySide()
                .as(member)
                .get("/api/resources/" + nightDesk + "/availability?from="
                        + encoded(ZonedDateTime.of(springForward, LocalTime.MIDNIGHT, AMSTERDAM)) + "&to="
                        + encoded(ZonedDateTime.of(springForward.plusDays(1), LocalTime.MIDNIGHT, AMSTERDAM))
                        + "&after=" + placed.eventPosition())
                .expectStatus(200)
                .body();

        assertThat(periods(resource.get("free")))
                .containsExactly(
                        period(ZonedDateTime.of(springForward, LocalTime.MIDNIGHT, AMSTERDAM), one),
                        period(four, ZonedDateTime.of(springForward.plusDays(1), LocalTime.MIDNIGHT, AMSTERDAM)));
    }

    private List<String> freeOnTheDay(long after) {
        JsonNode availability = api.querySide()
                .as(member)
                .get("/api/availability?spaceId=" + space.spaceId() + "&date=" + day + "&after=" + after)
                .expectStatus(200)
                .body();
        for (JsonNode resource : availability.get("resources")) {
            if (resource.get("resourceId").asText().equals(desk)) {
                return periods(resource.get("free"));
            }
        }
        throw new AssertionError("the desk is missing from " + availability);
    }

    private static List<String> periods(JsonNode free) {
        List<String> periods = new ArrayList<>();
        free.forEach(period -> periods.add(period(
                OffsetDateTime.parse(period.get("start").asText()).atZoneSameInstant(AMSTERDAM),
                OffsetDateTime.parse(period.get("end").asText()).atZoneSameInstant(AMSTERDAM))));
        return periods;
    }

    private static String period(ZonedDateTime start, ZonedDateTime end) {
        return start.toInstant() + " - " + end.toInstant();
    }

    private static String encoded(ZonedDateTime time) {
        return java.net.URLEncoder.encode(time.toOffsetDateTime().toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private ZonedDateTime at(int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), AMSTERDAM);
    }

    private Reply book(ZonedDateTime start, ZonedDateTime end) {
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, end))
                .expectStatus(201);
    }
}
