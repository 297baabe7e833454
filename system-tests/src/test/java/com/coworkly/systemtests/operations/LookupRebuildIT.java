package com.coworkly.systemtests.operations;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/** The command side's lookup tables are derived data: rebuilt from the events they are exactly what they were. */
@ExtendWith(SharedSystem.class)
class LookupRebuildIT {

    private static final List<String> LOOKUPS = List.of(
            "SELECT space_id, currency, time_zone, late_window_minutes, late_fee_percent, quota_day_minutes,"
                    + " quota_week_minutes, quota_month_minutes FROM command_side.space_directory ORDER BY 1",
            "SELECT space_id, member_id FROM command_side.space_manager ORDER BY 1, 2",
            "SELECT holder_id, holder_kind, resource_id, period::text FROM command_side.resource_occupancy ORDER BY 1",
            "SELECT booking_id, member_id, space_id, period::text FROM command_side.member_booking ORDER BY 1",
            "SELECT resource_id, seats FROM command_side.resource_seats ORDER BY 1",
            "SELECT plan_id, revision, terms::text, retired FROM command_side.plan_catalogue ORDER BY 1",
            "SELECT member_id, membership_id, plan_id FROM command_side.live_membership ORDER BY 1",
            "SELECT member_id, company_id FROM command_side.company_seat ORDER BY 1",
            "SELECT company_id, member_id FROM command_side.company_administrator ORDER BY 1, 2");

    @Test
    void rebuildingTheLookupsFromTheEventsGivesTheSameTables(RunningSystem system) {
        Api api = system.api();
        EventStore store = system.eventStore();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Rebuild " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        String pool = addResource(api, space, anAlwaysOpenDesk("Hot desks"));
        api.commandSide()
                .as(space.manager())
                .put("/api/resources/" + pool + "/seats", Map.of("seats", 4))
                .expectStatus(200);
        api.commandSide()
                .as(space.manager())
                .put("/api/spaces/" + space.spaceId() + "/quotas", Map.of("hoursPerWeek", 40))
                .expectStatus(200);
        Api.Session member = api.newMember();
        String company = Companies.register(api, Companies.aCompany("Rebuild " + UUID.randomUUID()));
        Api.Session admin = api.signIn(Api.ADMIN);
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/administrators", Map.of("memberId", member.memberId()))
                .expectStatus(200);
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/members", Map.of("memberId", member.memberId()))
                .expectStatus(200);
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(9, 9, 0), inDays(9, 11, 0)))
                .expectStatus(201);
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(pool, inDays(9, 9, 0), inDays(9, 10, 0)))
                .expectStatus(201);
        String cancelled = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(9, 12, 0), inDays(9, 13, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.commandSide()
                .as(member)
                .post("/api/bookings/" + cancelled + "/cancel", Map.of())
                .expectStatus(200);
        api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + desk + "/blocks", aBlock(inDays(9, 14, 0), inDays(9, 16, 0), false))
                .expectStatus(201);
        List<List<String>> before =
                LOOKUPS.stream().map(sql -> rows(store, sql)).toList();
        store.strings("DELETE FROM command_side.resource_occupancy RETURNING holder_id");

        api.commandSide()
                .as(api.signIn(Api.OPERATOR))
                .post("/api/operations/lookups/rebuild", Map.of())
                .expectStatus(200);

        assertThat(LOOKUPS.stream().map(sql -> rows(store, sql)).toList()).isEqualTo(before);
        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(9, 10, 0), inDays(9, 12, 0)))
                .expectProblem(409, "SLOT_UNAVAILABLE");
    }

    private static List<String> rows(EventStore store, String sql) {
        String select = "SELECT row_to_json(t)::text FROM (" + sql + ") t";
        return store.strings(select);
    }
}
