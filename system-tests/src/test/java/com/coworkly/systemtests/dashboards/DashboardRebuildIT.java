package com.coworkly.systemtests.dashboards;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding the dashboards' read model from the first event gives the same tables and the same figures. */
class DashboardRebuildIT {

    private static final List<String> TABLES = List.of(
            "dashboard_space",
            "dashboard_manager",
            "dashboard_resource",
            "dashboard_opening_hours",
            "dashboard_block",
            "dashboard_booking",
            "dashboard_day",
            "dashboard_period",
            "dashboard_hour",
            "dashboard_member_bucket",
            "dashboard_unique_members",
            "dashboard_space_member",
            "dashboard_membership",
            "dashboard_plan_revision",
            "dashboard_membership_fee",
            "dashboard_credit_spending",
            "dashboard_credit_return");

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aRebuildFromTheFirstEventGivesTheSameFigures() {
        Api api = system.api();
        EventStore database = system.eventStore();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Rebuilt " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        Api.Session mia = api.newMember();
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(4);
        long position = 0;
        for (int hour = 8; hour < 20; hour += 3) {
            Reply placed = api.commandSide()
                    .as(mia)
                    .post("/api/bookings", aBooking(desk, at(day, hour), at(day, hour + 2)))
                    .expectStatus(201);
            String booking = placed.body().get("bookingId").asText();
            position = api.pay(booking).eventPosition();
            if (hour == 11) {
                position = api.commandSide()
                        .as(mia)
                        .post("/api/bookings/" + booking + "/cancel", Map.of())
                        .expectStatus(200)
                        .eventPosition();
            }
        }
        position = Math.max(
                position,
                api.commandSide()
                        .as(space.manager())
                        .post(
                                "/api/resources/" + desk + "/blocks",
                                aBlock(at(day.plusDays(1), 9), at(day.plusDays(1), 12), false))
                        .expectStatus(201)
                        .eventPosition());
        // Credits spent and given back, and a membership's fee (its facts come from other aggregates than the space).
        Map<String, Object> plan = Memberships.aPlan("Rebuilt credits " + UUID.randomUUID(), 600, "DESK");
        plan.put("spaceIds", List.of(space.spaceId()));
        Api.Session max = api.newMember();
        Memberships.firstPeriodPaid(api, Memberships.subscribe(api, max, Memberships.define(api, plan)));
        api.commandSide()
                .as(max)
                .post("/api/bookings", aBooking(desk, at(day.plusDays(2), 9), at(day.plusDays(2), 11)))
                .expectStatus(201);
        String givenBack = api.commandSide()
                .as(max)
                .post("/api/bookings", aBooking(desk, at(day.plusDays(3), 9), at(day.plusDays(3), 10)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        position = Math.max(
                position,
                api.commandSide()
                        .as(max)
                        .post("/api/bookings/" + givenBack + "/cancel", Map.of())
                        .expectStatus(200)
                        .eventPosition());
        String query = "/api/dashboards/spaces/" + space.spaceId() + "?from=" + day.minusDays(2) + "&to="
                + day.plusDays(5) + "&granularity=DAY&after=" + position;
        JsonNode live =
                api.querySide().as(space.manager()).get(query).expectStatus(200).body();
        assertThat(live.get("creditMinutes").asLong()).isEqualTo(120);
        Map<String, List<String>> liveTables = contents(database);

        system.stopQuerySide();
        database.strings("DELETE FROM query_side.token_entry WHERE processor_name = 'dashboards'");
        database.strings("TRUNCATE "
                + String.join(
                        ", ",
                        TABLES.stream().map(table -> "query_side." + table).toList()));
        system.startQuerySide();

        JsonNode rebuilt =
                api.querySide().as(space.manager()).get(query).expectStatus(200).body();
        assertThat(rebuilt).isEqualTo(live);
        assertThat(contents(database)).isEqualTo(liveTables);
        assertThat(live.get("totals").get("bookings").asInt())
                .as("Mia's three paid bookings not cancelled, and Max's paid with credits")
                .isEqualTo(4);
    }

    private static Map<String, List<String>> contents(EventStore database) {
        Map<String, List<String>> contents = new java.util.TreeMap<>();
        for (String table : TABLES) {
            contents.put(table, database.strings("SELECT t::text FROM query_side." + table + " t ORDER BY t::text"));
        }
        return contents;
    }

    private static ZonedDateTime at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), AMSTERDAM);
    }
}
