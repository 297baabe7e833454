package com.coworkly.systemtests.operations;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.RunningSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anOfficeHoursDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-side instances share every read model's segments, and one takes them all over when the other dies
 * (docs/scaling.md). Claims are read from {@code query_side.token_entry}, whose owner is the claiming JVM's
 * {@code pid@host}.
 */
class QuerySideInstancesIT {

    /** The read models' pooled processors, 2 segments each. */
    private static final Set<String> POOLED =
            Set.of("catalogue", "bookings", "availability", "invoices", "dashboards", "memberships", "credits");
    /** Heartbeat timeout and Axon's claim timeout (10 s each), the next heartbeat and claim round (3 s), a margin. */
    private static final Duration TAKEOVER = Duration.ofSeconds(40);

    private RunningSystem system;
    private EventStore database;

    @BeforeEach
    void start() {
        system = RunningSystem.start();
        database = system.eventStore();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void twoInstancesSplitEverySegmentAndTheSurvivorTakesThemAllWhenOneIsKilled() {
        Api first = system.api();
        Api second = system.apiOnSecondQuerySide();
        String firstOwner = system.querySidePid() + "@";
        String secondOwner = system.secondQuerySidePid() + "@";

        await("each instance holding one of each read model's two segments")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> POOLED.stream()
                        .allMatch(processor -> ownersOf(processor).equals(Map.of(firstOwner, 1, secondOwner, 1))));

        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(first, "Scale-out " + UUID.randomUUID());
        String desk = addResource(first, space, anOfficeHoursDesk("Shared desk"));
        Api.Session member = first.newMember();
        ZonedDateTime start = inDays(3, 10, 0);
        var placed = first.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, start.plusHours(1)))
                .expectStatus(201);
        String bookingId = placed.body().get("bookingId").asText();
        // Either instance answers once every segment has passed it, whichever instance processes that segment.
        for (Api instance : List.of(first, second)) {
            assertThat(instance.querySide()
                            .as(member)
                            .get("/api/bookings/" + bookingId + "?after=" + placed.eventPosition())
                            .expectStatus(200)
                            .body()
                            .get("bookingId")
                            .asText())
                    .isEqualTo(bookingId);
        }

        system.killSecondQuerySide();
        ZonedDateTime later = start.plusHours(2);
        var placedMeanwhile = first.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, later, later.plusHours(1)))
                .expectStatus(201);
        String meanwhile = placedMeanwhile.body().get("bookingId").asText();

        await("the survivor holding every segment of every processor")
                .atMost(TAKEOVER)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> POOLED.stream()
                                .allMatch(processor -> ownersOf(processor).equals(Map.of(firstOwner, 2)))
                        && ownersOf("notifications").equals(Map.of(firstOwner, 1)));
        String meanwhileAfter = "/api/bookings/" + meanwhile + "?after=" + placedMeanwhile.eventPosition();
        await("the booking placed meanwhile visible on the survivor")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> first.querySide().as(member).get(meanwhileAfter).status() == 200);
    }

    /** How many of the processor's segments each owner (by its pid prefix) holds; unclaimed ones are left out. */
    private Map<String, Integer> ownersOf(String processor) {
        Map<String, Integer> owners = new HashMap<>();
        for (String owner : database.strings(
                "SELECT owner FROM query_side.token_entry " + "WHERE processor_name = ? AND owner IS NOT NULL",
                processor)) {
            owners.merge(owner.substring(0, owner.indexOf('@') + 1), 1, Integer::sum);
        }
        return owners;
    }
}
