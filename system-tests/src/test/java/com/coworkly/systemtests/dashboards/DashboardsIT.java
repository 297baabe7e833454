package com.coworkly.systemtests.dashboards;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.nextClockChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager dashboard's figures, each checked against a hand-computed expectation after booking, paying,
 * cancelling and blocking through the API. Desks cost EUR 6.00 an hour (VAT 21 % included), are open around the
 * clock, and the space's late window is 24 hours with a 50 % fee.
 */
@ExtendWith(SharedSystem.class)
class DashboardsIT {

    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private String deskA;
    private String deskB;
    private long position;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Dashboard " + UUID.randomUUID());
        deskA = addResource(api, space, anAlwaysOpenDesk("Desk A"));
        deskB = addResource(api, space, anAlwaysOpenDesk("Desk B"));
    }

    @Test
    void everyFigureOfADayAndOfTheRangeIsExact() {
        Api.Session mia = api.newMember();
        Api.Session max = api.newMember();
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(10);
        // A: Mia 10:00-12:00 (EUR 12.00), Max 22:00-02:00 across midnight (EUR 24.00), both paid.
        String morning = paidBooking(mia, deskA, at(day, 10), at(day, 12));
        String night = paidBooking(max, deskA, at(day, 22), at(day.plusDays(1), 2));
        // B: Mia's paid hour, cancelled long before (early: EUR 6.00 back); an unpaid hour, which never counts.
        String early = paidBooking(mia, deskB, at(day, 14), at(day, 15));
        cancel(mia, early);
        book(max, deskB, at(day, 8), at(day, 9));
        // B: Max's paid hour starting within the late window, cancelled (late: fee EUR 3.00, EUR 3.00 back).
        ZonedDateTime soon = ZonedDateTime.now(AMSTERDAM).plusHours(3).truncatedTo(ChronoUnit.HOURS);
        String late = paidBooking(max, deskB, soon, soon.plusHours(1));
        cancel(max, late);
        // B: a block of 3 hours the next morning.
        position = Math.max(
                position,
                api.commandSide()
                        .as(space.manager())
                        .post(
                                "/api/resources/" + deskB + "/blocks",
                                aBlock(at(day.plusDays(1), 10), at(day.plusDays(1), 13), false))
                        .expectStatus(201)
                        .eventPosition());

        LocalDate from = soon.toLocalDate();
        LocalDate to = day.plusDays(2);
        JsonNode dashboard = dashboard(from, to, "DAY");

        // Both desks are open for every hour that passes in the range (a day the clocks change is 23 or 25 hours).
        long openHours = 2
                * Duration.between(from.atStartOfDay(AMSTERDAM), to.atStartOfDay(AMSTERDAM))
                        .toHours();
        JsonNode totals = dashboard.get("totals");
        assertThat(decimal(totals, "openHours")).isEqualByComparingTo(BigDecimal.valueOf(openHours));
        assertThat(decimal(totals, "bookedHours")).isEqualByComparingTo("6.00");
        assertThat(decimal(totals, "blockedHours")).isEqualByComparingTo("3.00");
        assertThat(decimal(totals, "occupancy"))
                .isEqualByComparingTo(
                        BigDecimal.valueOf(6).divide(BigDecimal.valueOf(openHours), 4, RoundingMode.HALF_UP));
        assertThat(totals.get("bookings").asInt()).isEqualTo(2);
        assertThat(totals.get("cancellations").get("early").asInt()).isEqualTo(1);
        assertThat(totals.get("cancellations").get("late").asInt()).isEqualTo(1);
        assertThat(totals.get("lateCancellationFees").asLong()).isEqualTo(300);
        // Invoices less credit notes: 1200 + 2400 + (600 - 600) + (600 - 600 + 300 fee). VAT is 21/121 of each
        // document, rounded half up: 208 + 417 + 0 + 52.
        assertThat(totals.get("revenue").get("gross").asLong()).isEqualTo(3900);
        assertThat(totals.get("revenue").get("vat").asLong()).isEqualTo(677);
        assertThat(totals.get("revenue").get("net").asLong()).isEqualTo(3223);
        assertThat(totals.get("revenue").get("refunds").asLong()).isEqualTo(900);
        assertThat(totals.get("uniqueMembers").asInt()).isEqualTo(2);
        assertThat(decimal(totals, "averageLeadTimeHours")).isEqualByComparingTo(leadHours(morning, night));

        JsonNode onTheDay = bucket(dashboard, day);
        assertThat(decimal(onTheDay.get("figures"), "bookedHours")).isEqualByComparingTo("4.00");
        assertThat(onTheDay.get("figures").get("bookings").asInt()).isEqualTo(2);
        assertThat(onTheDay.get("figures").get("cancellations").get("early").asInt())
                .isEqualTo(1);
        assertThat(onTheDay.get("figures").get("revenue").get("gross").asLong()).isEqualTo(3600);
        JsonNode theDayAfter = bucket(dashboard, day.plusDays(1));
        assertThat(decimal(theDayAfter.get("figures"), "bookedHours")).isEqualByComparingTo("2.00");
        assertThat(theDayAfter.get("figures").get("bookings").asInt()).isZero();
        assertThat(decimal(theDayAfter.get("figures"), "blockedHours")).isEqualByComparingTo("3.00");

        JsonNode a = resource(dashboard, deskA).get("totals");
        assertThat(decimal(a, "bookedHours")).isEqualByComparingTo("6.00");
        assertThat(a.get("uniqueMembers").isNull())
                .as("a resource's unique members over the range")
                .isTrue();
        assertThat(resourceBucket(dashboard, deskA, day).get("uniqueMembers").asInt())
                .isEqualTo(2);
        JsonNode b = resource(dashboard, deskB).get("totals");
        assertThat(b.get("bookings").asInt()).isZero();
        assertThat(b.get("revenue").get("gross").asLong()).isEqualTo(300);
        assertThat(decimal(b, "blockedHours")).isEqualByComparingTo("3.00");

        assertThat(peakHours(dashboard, day.getDayOfWeek()))
                .containsEntry(10, "1.00")
                .containsEntry(11, "1.00")
                .containsEntry(22, "1.00")
                .containsEntry(23, "1.00")
                .containsEntry(9, "0.00");
        assertThat(peakHours(dashboard, day.plusDays(1).getDayOfWeek()))
                .containsEntry(0, "1.00")
                .containsEntry(1, "1.00")
                .containsEntry(2, "0.00");
        assertThat(dashboard.get("upcomingMaintenance"))
                .singleElement()
                .satisfies(
                        block -> assertThat(block.get("resourceName").asText()).isEqualTo("Desk B"));
    }

    @Test
    void weeksAndMonthsAddUpToTheSameTotalsAndTheCsvSaysTheSame() {
        Api.Session mia = api.newMember();
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(5);
        paidBooking(mia, deskA, at(day, 9), at(day, 12));
        paidBooking(mia, deskB, at(day.plusDays(8), 9), at(day.plusDays(8), 10));
        LocalDate from = day.minusDays(3);
        LocalDate to = day.plusDays(20);

        JsonNode days = dashboard(from, to, "DAY");
        JsonNode weeks = dashboard(from, to, "WEEK");
        JsonNode months = dashboard(from, to, "MONTH");

        assertThat(weeks.get("totals")).isEqualTo(days.get("totals"));
        assertThat(months.get("totals")).isEqualTo(days.get("totals"));
        assertThat(weeks.get("buckets").get(0).get("start").asText()).isEqualTo(from.toString());
        assertThat(weeks.get("buckets").get(1).get("start").asText())
                .isEqualTo(from.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toString());
        long bookedInWeeks = 0;
        for (JsonNode bucket : weeks.get("buckets")) {
            bookedInWeeks += decimal(bucket.get("figures"), "bookedHours").longValue();
        }
        assertThat(bookedInWeeks).isEqualTo(4);
        // A month cut by the range is summed from its whole weeks and its remaining days: the same as its days.
        for (JsonNode month : months.get("buckets")) {
            LocalDate start = LocalDate.parse(month.get("start").asText());
            LocalDate end = LocalDate.parse(month.get("end").asText());
            BigDecimal bookedInDays = BigDecimal.ZERO;
            long grossInDays = 0;
            for (JsonNode dayBucket : days.get("buckets")) {
                LocalDate date = LocalDate.parse(dayBucket.get("start").asText());
                if (!date.isBefore(start) && date.isBefore(end)) {
                    bookedInDays = bookedInDays.add(decimal(dayBucket.get("figures"), "bookedHours"));
                    grossInDays +=
                            dayBucket.get("figures").get("revenue").get("gross").asLong();
                }
            }
            assertThat(decimal(month.get("figures"), "bookedHours"))
                    .as("booked in " + start)
                    .isEqualByComparingTo(bookedInDays);
            assertThat(month.get("figures").get("revenue").get("gross").asLong())
                    .as("revenue in " + start)
                    .isEqualTo(grossInDays);
        }

        Reply csv = api.querySide()
                .as(space.manager())
                .get("/api/dashboards/spaces/" + space.spaceId() + ".csv?from=" + from + "&to=" + to
                        + "&granularity=WEEK&after=" + position)
                .expectStatus(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.get(0)).startsWith("space_id,space_name,resource_id,resource_name,bucket_start");
        String spaceTotals = lines.stream()
                .filter(line -> line.startsWith(space.spaceId() + ",") && line.contains(",,,,"))
                .findFirst()
                .orElseThrow();
        assertThat(spaceTotals.split(",")).contains("4.00", "2", "2400");
    }

    /**
     * Unique members of whole weeks come from counts the projection keeps, those of the part-weeks at the range's
     * ends from their days, and the range's from a probe per member: each must count a member once, and a member
     * whose only booking was cancelled nowhere.
     */
    @Test
    void uniqueMembersCountEachMemberOncePerBucketAndOverTheRange() {
        Api.Session mia = api.newMember();
        Api.Session max = api.newMember();
        Api.Session zoe = api.newMember();
        LocalDate monday = LocalDate.now(AMSTERDAM).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        paidBooking(mia, deskA, at(monday.minusDays(2), 9), at(monday.minusDays(2), 10));
        paidBooking(mia, deskA, at(monday.plusDays(1), 9), at(monday.plusDays(1), 10));
        paidBooking(mia, deskB, at(monday.plusDays(2), 9), at(monday.plusDays(2), 10));
        cancel(zoe, paidBooking(zoe, deskB, at(monday.plusDays(3), 9), at(monday.plusDays(3), 10)));
        paidBooking(max, deskA, at(monday.plusDays(8), 9), at(monday.plusDays(8), 10));
        paidBooking(max, deskA, at(monday.plusDays(15), 9), at(monday.plusDays(15), 10));
        paidBooking(mia, deskB, at(monday.plusDays(16), 9), at(monday.plusDays(16), 10));
        // From a Saturday to a Thursday: a part-week, two whole weeks and another part-week.
        LocalDate from = monday.minusDays(2);
        LocalDate to = monday.plusDays(17);

        JsonNode weeks = dashboard(from, to, "WEEK");

        assertThat(weeks.get("totals").get("uniqueMembers").asInt())
                .as("Mia and Max")
                .isEqualTo(2);
        List<LocalDate> starts = List.of(from, monday, monday.plusDays(7), monday.plusDays(14));
        assertThat(weeks.get("buckets"))
                .extracting(bucket -> bucket.get("start").asText())
                .containsExactlyElementsOf(
                        starts.stream().map(LocalDate::toString).toList());
        assertThat(starts)
                .extracting(start ->
                        bucket(weeks, start).get("figures").get("uniqueMembers").asInt())
                .as("the space's, week by week")
                .containsExactly(1, 1, 1, 2);
        assertThat(starts)
                .extracting(start ->
                        resourceBucket(weeks, deskA, start).get("uniqueMembers").asInt())
                .as("desk A's")
                .containsExactly(1, 1, 1, 1);
        assertThat(starts)
                .extracting(start ->
                        resourceBucket(weeks, deskB, start).get("uniqueMembers").asInt())
                .as("desk B's: Zoe cancelled")
                .containsExactly(0, 1, 0, 1);
        assertThat(resource(weeks, deskA).get("totals").get("uniqueMembers").isNull())
                .isTrue();
        assertThat(dashboard(from, to, "MONTH")
                        .get("totals")
                        .get("uniqueMembers")
                        .asInt())
                .isEqualTo(2);
        JsonNode days = dashboard(from, to, "DAY");
        assertThat(days.get("totals").get("uniqueMembers").asInt()).isEqualTo(2);
        assertThat(bucket(days, monday.plusDays(3))
                        .get("figures")
                        .get("uniqueMembers")
                        .asInt())
                .as("Zoe's day")
                .isZero();
        assertThat(bucket(days, monday.plusDays(2))
                        .get("figures")
                        .get("uniqueMembers")
                        .asInt())
                .isEqualTo(1);
        assertThat(dashboard(monday, monday.plusDays(7), "WEEK")
                        .get("totals")
                        .get("uniqueMembers")
                        .asInt())
                .as("a range of one whole week")
                .isEqualTo(1);
    }

    @Test
    void aWeekWithTheClocksGoingForwardIsOneHourShorter() {
        LocalDate change = nextClockChange(true);
        Api.Session mia = api.newMember();
        // 01:00 to 04:00 on the wall clock is two real hours that night.
        paidBooking(mia, deskA, at(change, 1), at(change, 4));
        LocalDate monday = change.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        JsonNode week = dashboard(monday, monday.plusWeeks(1), "WEEK");

        assertThat(decimal(resource(week, deskA).get("totals"), "openHours")).isEqualByComparingTo("167.00");
        assertThat(decimal(week.get("totals"), "bookedHours")).isEqualByComparingTo("2.00");
        assertThat(peakHours(week, change.getDayOfWeek()))
                .containsEntry(1, "1.00")
                .containsEntry(2, "0.00")
                .containsEntry(3, "1.00");
    }

    @Test
    void aWeekWithTheClocksGoingBackIsOneHourLongerAndItsRepeatedHourCountsTwice() {
        LocalDate change = nextClockChange(false);
        Api.Session mia = api.newMember();
        // 01:00 to 04:00 on the wall clock is four real hours that night.
        String booking = paidBooking(mia, deskA, at(change, 1), at(change, 4));
        assertThat(api.querySide()
                        .as(mia)
                        .get("/api/bookings/" + booking + "?after=" + position)
                        .body()
                        .get("price")
                        .asLong())
                .isEqualTo(2400);
        LocalDate monday = change.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        JsonNode week = dashboard(monday, monday.plusWeeks(1), "WEEK");

        assertThat(decimal(resource(week, deskA).get("totals"), "openHours")).isEqualByComparingTo("169.00");
        assertThat(decimal(week.get("totals"), "bookedHours")).isEqualByComparingTo("4.00");
        assertThat(peakHours(week, change.getDayOfWeek())).containsEntry(2, "2.00");
    }

    @Test
    void onlyTheSpacesManagersAndAdministratorsReadItsDashboard() {
        Catalogue.ManagedSpace other = Catalogue.aManagedSpace(api, "Other " + UUID.randomUUID());
        String path = "/api/dashboards/spaces/" + space.spaceId() + "?after=" + other.position();

        api.querySide().as(other.manager()).get(path).expectProblem(403, "NOT_MANAGER_OF_SPACE");
        api.querySide().as(api.newMember()).get(path).expectProblem(403, "NOT_MANAGER_OF_SPACE");
        api.querySide().as(api.signIn(Api.OPERATOR)).get(path).expectProblem(403, "NOT_MANAGER_OF_SPACE");
        api.querySide().as(api.signIn(Api.ADMIN)).get(path).expectStatus(200);
        api.querySide().as(space.manager()).get("/api/dashboards/network").expectProblem(403, "NOT_AN_ADMINISTRATOR");
        JsonNode network = api.querySide()
                .as(api.signIn(Api.ADMIN))
                .get("/api/dashboards/network")
                .expectStatus(200)
                .body();
        assertThat(network.get("spaces").findValuesAsText("spaceId")).contains(space.spaceId());
        api.querySide()
                .as(space.manager())
                .get("/api/dashboards/spaces/" + space.spaceId() + "?from=2026-02-01&to=2026-01-01")
                .expectProblem(400, "INVALID_RANGE");
        api.querySide()
                .as(space.manager())
                .get("/api/dashboards/spaces/" + space.spaceId() + "?granularity=HOURLY")
                .expectProblem(400, "VALIDATION_FAILED");
    }

    private JsonNode dashboard(LocalDate from, LocalDate to, String granularity) {
        return api.querySide()
                .as(space.manager())
                .get("/api/dashboards/spaces/" + space.spaceId() + "?from=" + from + "&to=" + to + "&granularity="
                        + granularity + "&after=" + position)
                .expectStatus(200)
                .body();
    }

    private String book(Api.Session member, String desk, ZonedDateTime start, ZonedDateTime end) {
        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, end))
                .expectStatus(201);
        position = Math.max(position, placed.eventPosition());
        return placed.body().get("bookingId").asText();
    }

    private String paidBooking(Api.Session member, String desk, ZonedDateTime start, ZonedDateTime end) {
        String booking = book(member, desk, start, end);
        position = Math.max(position, api.pay(booking).eventPosition());
        return booking;
    }

    private void cancel(Api.Session member, String booking) {
        position = Math.max(
                position,
                api.commandSide()
                        .as(member)
                        .post("/api/bookings/" + booking + "/cancel", Map.of())
                        .expectStatus(200)
                        .eventPosition());
    }

    /** The mean time from placing to starting of the given bookings, in hours, as the dashboard rounds it. */
    private BigDecimal leadHours(String... bookings) {
        long seconds = 0;
        for (String booking : bookings) {
            Instant placed = Instant.parse(events.strings(
                            "SELECT time_stamp FROM event_store.domain_event_entry "
                                    + "WHERE aggregate_identifier = ? AND payload_type LIKE '%BookingPlaced'",
                            booking)
                    .get(0));
            Instant start = OffsetDateTime.parse(api.querySide()
                            .as(space.manager())
                            .get("/api/bookings/" + booking + "?after=" + position)
                            .body()
                            .get("start")
                            .asText())
                    .toInstant();
            seconds += Duration.between(placed, start).toSeconds();
        }
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600L * bookings.length), 2, RoundingMode.HALF_UP);
    }

    private static ZonedDateTime at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), AMSTERDAM);
    }

    private static BigDecimal decimal(JsonNode figures, String field) {
        return new BigDecimal(figures.get(field).asText());
    }

    private static JsonNode bucket(JsonNode dashboard, LocalDate start) {
        for (JsonNode bucket : dashboard.get("buckets")) {
            if (bucket.get("start").asText().equals(start.toString())) {
                return bucket;
            }
        }
        throw new AssertionError("no bucket starts on " + start);
    }

    /** The figures of a resource's bucket starting on a day. */
    private static JsonNode resourceBucket(JsonNode dashboard, String resourceId, LocalDate start) {
        return bucket(resource(dashboard, resourceId), start).get("figures");
    }

    private static JsonNode resource(JsonNode dashboard, String resourceId) {
        for (JsonNode resource : dashboard.get("resources")) {
            if (resource.get("resourceId").asText().equals(resourceId)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + resourceId);
    }

    private static Map<Integer, String> peakHours(JsonNode dashboard, DayOfWeek day) {
        Map<Integer, String> hours = new java.util.HashMap<>();
        for (JsonNode cell : dashboard.get("peakHours")) {
            if (cell.get("day").asText().equals(day.name())) {
                hours.put(
                        cell.get("hour").asInt(),
                        new BigDecimal(cell.get("bookedHours").asText())
                                .setScale(2)
                                .toPlainString());
            }
        }
        return hours;
    }
}
