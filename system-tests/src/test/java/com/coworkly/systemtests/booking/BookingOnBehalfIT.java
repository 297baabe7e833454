package com.coworkly.systemtests.booking;

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

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.aBookingFor;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the front desk a space's manager (or an administrator) books for a member: the booking is the member's, the
 * member's rules apply to it, and the audit trail says who placed it.
 */
@ExtendWith(SharedSystem.class)
class BookingOnBehalfIT {

    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private String desk;
    private Api.Session member;
    private final ZonedDateTime start = inDays(12, 9, 0);

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Front desk " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        member = api.newMember();
    }

    @Test
    void aManagerBooksForAMemberWhoseBookingItIsAndTheAuditTrailSaysWhoPlacedIt() {
        Reply placed = api.commandSide()
                .as(space.manager())
                .post("/api/bookings", forMember(member.memberId(), start))
                .expectStatus(201);
        String booking = placed.body().get("bookingId").asText();

        JsonNode read = api.querySide()
                .as(member)
                .get("/api/bookings/" + booking + "?after=" + placed.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(read.get("memberId").asText()).isEqualTo(member.memberId());
        assertThat(read.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        api.pay(booking);

        JsonNode history = api.querySide()
                .as(api.signIn(Api.OPERATOR))
                .get("/api/audit/aggregates/" + booking + "/events")
                .expectStatus(200)
                .body();
        JsonNode placement = history.get("events").get(0);
        assertThat(placement.get("payload").get("memberId").asText()).isEqualTo(member.memberId());
        assertThat(placement.get("cause").get("actorId").asText())
                .isEqualTo(space.manager().memberId());
        assertThat(placement.get("cause").get("commandName").asText()).isEqualTo("PlaceBooking");
    }

    @Test
    void theMembersOwnLimitAppliesToBookingsPlacedForThem() {
        for (int i = 0; i < 3; i++) {
            String another = addResource(api, space, anAlwaysOpenDesk("Desk " + i));
            api.commandSide()
                    .as(member)
                    .post("/api/bookings", aBooking(another, start, start.plusHours(2)))
                    .expectStatus(201);
        }

        api.commandSide()
                .as(space.manager())
                .post("/api/bookings", forMember(member.memberId(), start))
                .expectProblem(409, "MEMBER_LIMIT_REACHED");
    }

    @Test
    void onlyTheSpacesManagersAndAdministratorsBookForOthersAndNothingIsStoredOtherwise() {
        long before = events.count();
        Api.Session stranger = api.newMember();
        Catalogue.ManagedSpace elsewhere = Catalogue.aManagedSpace(api, "Elsewhere " + UUID.randomUUID());
        long after = events.count();

        api.commandSide()
                .as(stranger)
                .post("/api/bookings", forMember(member.memberId(), start))
                .expectProblem(403, "NOT_YOURS_TO_BOOK_FOR");
        api.commandSide()
                .as(elsewhere.manager())
                .post("/api/bookings", forMember(member.memberId(), start))
                .expectProblem(403, "NOT_YOURS_TO_BOOK_FOR");
        api.commandSide()
                .as(space.manager())
                .post("/api/bookings", forMember("no-such-member-" + UUID.randomUUID(), start))
                .expectProblem(404, "MEMBER_NOT_FOUND");
        assertThat(events.count()).isEqualTo(after);
        assertThat(after).isGreaterThan(before);

        api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .post("/api/bookings", forMember(member.memberId(), start))
                .expectStatus(201);
    }

    private Map<String, Object> forMember(String memberId, ZonedDateTime from) {
        return aBookingFor(memberId, desk, from);
    }
}
