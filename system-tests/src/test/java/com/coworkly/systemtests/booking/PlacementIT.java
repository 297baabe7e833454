package com.coworkly.systemtests.booking;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.anOfficeHoursDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static com.coworkly.systemtests.support.Bookings.nextClockChange;
import static com.coworkly.systemtests.support.Catalogue.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules 1 and 2 over HTTP: what a booking must be to be placed, and that a taken slot stays taken. */
@ExtendWith(SharedSystem.class)
class PlacementIT {

    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private Api.Session member;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Placement " + UUID.randomUUID());
        member = api.newMember();
    }

    @Test
    void aMemberBooksAFreeSlotAtTheHourlyPriceAndIsAskedToPayIt() {
        String desk = addResource(api, space, anOfficeHoursDesk("Desk"));

        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(3, 9, 0), inDays(3, 11, 30)))
                .expectStatus(201);

        assertThat(placed.body().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.body().get("price").asLong()).isEqualTo(1500);
        assertThat(placed.body().get("currency").asText()).isEqualTo("EUR");
        String bookingId = placed.body().get("bookingId").asText();
        assertThat(placed.header("Location")).isEqualTo("/api/bookings/" + bookingId);
        assertThat(placed.body().get("payment").get("provider").asText()).isEqualTo("stripe");
        assertThat(placed.body().get("payment").get("clientSecret").asText())
                .isEqualTo("pi_booking-" + bookingId + "-payment_secret_standin");
        assertThat(events.typesOf(bookingId)).containsExactly("BookingPlaced", "PaymentRequested");
    }

    @Test
    void bookingsThatBreakRuleOneAreRefusedAndStoreNothing() {
        String desk = addResource(api, space, anOfficeHoursDesk("Desk"));
        String retired = addResource(api, space, anOfficeHoursDesk("Old desk"));
        api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + retired + "/retire", Map.of())
                .expectStatus(200);
        long before = events.count();

        refused(desk, inDays(3, 9, 10), inDays(3, 10, 10), 422, "NOT_ALIGNED_TO_SLOT");
        refused(desk, inDays(3, 17, 0), inDays(3, 19, 0), 422, "OUTSIDE_OPENING_HOURS");
        refused(desk, inDays(3, 6, 0), inDays(3, 9, 0), 422, "OUTSIDE_OPENING_HOURS");
        refused(desk, inDays(3, 9, 0), inDays(3, 9, 30), 422, "BOOKING_TOO_SHORT");
        refused(desk, inDays(3, 8, 0), inDays(3, 17, 0), 422, "BOOKING_TOO_LONG");
        refused(desk, inDays(120, 9, 0), inDays(120, 10, 0), 422, "BEYOND_BOOKING_HORIZON");
        refused(desk, inDays(-2, 9, 0), inDays(-2, 10, 0), 422, "BOOKING_IN_THE_PAST");
        refused(retired, inDays(3, 9, 0), inDays(3, 10, 0), 409, "RESOURCE_RETIRED");
        refused(UUID.randomUUID().toString(), inDays(3, 9, 0), inDays(3, 10, 0), 404, "RESOURCE_NOT_FOUND");
        refused(desk, inDays(3, 10, 0), inDays(3, 9, 0), 400, "VALIDATION_FAILED");
        api.commandSide()
                .as(member)
                .post(
                        "/api/bookings",
                        with(aBooking(desk, inDays(3, 9, 0), inDays(3, 10, 0)), "start", "tomorrow morning"))
                .expectProblem(400, "VALIDATION_FAILED");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aBookingMayRunPastMidnightWhereTheHoursJoinUp() {
        String desk = addResource(api, space, anAlwaysOpenDesk("Night desk"));

        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(4, 22, 0), inDays(5, 2, 0)))
                .expectStatus(201);
    }

    @Test
    void aTakenSlotIsRefusedButTheNextOneIsFree() {
        String desk = addResource(api, space, anOfficeHoursDesk("Desk"));
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(3, 9, 0), inDays(3, 11, 0)))
                .expectStatus(201);
        Api.Session other = api.newMember();

        refusedFor(other, desk, inDays(3, 10, 0), inDays(3, 12, 0), 409, "SLOT_UNAVAILABLE");
        refusedFor(other, desk, inDays(3, 8, 0), inDays(3, 9, 30), 409, "SLOT_UNAVAILABLE");
        api.commandSide()
                .as(other)
                .post("/api/bookings", aBooking(desk, inDays(3, 11, 0), inDays(3, 12, 0)))
                .expectStatus(201);
        api.commandSide()
                .as(other)
                .post("/api/bookings", aBooking(desk, inDays(3, 8, 0), inDays(3, 9, 0)))
                .expectStatus(201);
    }

    @Test
    void aMemberHoldsAtMostThreeBookingsAtOnce() {
        ZonedDateTime start = inDays(5, 10, 0);
        for (int i = 1; i <= 3; i++) {
            String desk = addResource(api, space, anOfficeHoursDesk("Desk " + i));
            api.commandSide()
                    .as(member)
                    .post("/api/bookings", aBooking(desk, start, start.plusHours(2)))
                    .expectStatus(201);
        }
        String fourth = addResource(api, space, anOfficeHoursDesk("Desk 4"));

        refused(fourth, start.plusHours(1), start.plusHours(3), 409, "MEMBER_LIMIT_REACHED");
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(fourth, start.plusHours(2), start.plusHours(3)))
                .expectStatus(201);
    }

    @Test
    void slotsFollowLocalTimeOnTheDayTheClocksGoForward() {
        String desk = addResource(api, space, anAlwaysOpenDesk("Spring desk"));
        LocalDate springForward = nextClockChange(true);
        ZonedDateTime start = ZonedDateTime.of(springForward, LocalTime.of(1, 0), AMSTERDAM);
        ZonedDateTime end = ZonedDateTime.of(springForward, LocalTime.of(4, 0), AMSTERDAM);

        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, end))
                .expectStatus(201);

        assertThat(end.toInstant().getEpochSecond() - start.toInstant().getEpochSecond())
                .isEqualTo(7200);
        assertThat(placed.body().get("price").asLong())
                .as("two hours pass between 01:00 and 04:00 that day")
                .isEqualTo(1200);
    }

    @Test
    void slotsFollowLocalTimeOnTheDayTheClocksGoBack() {
        String desk = addResource(api, space, anAlwaysOpenDesk("Autumn desk"));
        LocalDate fallBack = nextClockChange(false);
        ZonedDateTime start = ZonedDateTime.of(fallBack, LocalTime.of(1, 0), AMSTERDAM);
        ZonedDateTime end = ZonedDateTime.of(fallBack, LocalTime.of(4, 0), AMSTERDAM);

        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, end))
                .expectStatus(201);

        assertThat(placed.body().get("price").asLong())
                .as("four hours pass between 01:00 and 04:00 that day")
                .isEqualTo(2400);
    }

    private void refused(String resourceId, ZonedDateTime start, ZonedDateTime end, int status, String code) {
        refusedFor(member, resourceId, start, end, status, code);
    }

    private void refusedFor(
            Api.Session who, String resourceId, ZonedDateTime start, ZonedDateTime end, int status, String code) {
        api.commandSide()
                .as(who)
                .post("/api/bookings", aBooking(resourceId, start, end))
                .expectProblem(status, code);
    }
}
