package com.coworkly.systemtests.consistency;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.DisposablePostgres;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side reading from a real hot standby (decision 35): its read pool's multi-host URL prefers the standby,
 * whose replay the test pauses, so the standby is a known amount behind the primary. A query without
 * {@code ?after=} then answers the standby's older data, which proves who answers; one with {@code ?after=} waits
 * and answers 503, or the fresh data once replay resumes, never the stale data; the processors go on writing the
 * read models on the primary, and the query side's writes and {@code @ReadsFromPrimary} reads stay there too.
 */
class StandbyReadsIT {

    private static DisposablePostgres primary;
    private static DisposablePostgres standby;
    private static RunningSystem system;

    private Api api;
    private Api.Session member;
    private String desk;

    @BeforeAll
    static void start() {
        primary = DisposablePostgres.start();
        standby = primary.hotStandby();
        system = RunningSystem.startOn(
                primary.server(),
                Map.of(),
                database -> Map.of(
                        "BOOKING_READ_DB_URL",
                        "jdbc:postgresql://" + hostAndPort(standby) + "," + hostAndPort(primary) + "/" + database
                                + "?targetServerType=preferSecondary",
                        "BOOKING_READ_DB_POOL",
                        "4"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @BeforeEach
    void aDeskAndAMemberKnownToTheStandby() {
        api = system.api();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Standby reads " + UUID.randomUUID());
        member = api.newMember();
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        standbyHasReplayedAllThePrimaryHasWritten();
    }

    @AfterEach
    void replayGoesOn() {
        onStandby("SELECT pg_wal_replay_resume()");
    }

    @Test
    void anAfterQueryAnswers503RatherThanStaleDataWhileTheStandbyIsBehind() {
        pauseReplay();
        Reply placed = book(9);
        String bookingId = placed.body().get("bookingId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> readModelOnPrimaryHas(bookingId));
        api.querySide().as(member).get("/api/bookings/" + bookingId).expectStatus(404);
        api.querySide()
                .as(member)
                .get("/api/bookings/" + bookingId + "?after=" + placed.eventPosition())
                .expectProblem(503, "READ_MODEL_BEHIND");
    }

    @Test
    void anAfterQueryAnswersTheFreshDataOnceTheStandbyReplaysDuringTheWait() {
        pauseReplay();
        Reply placed = book(11);
        String bookingId = placed.body().get("bookingId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> readModelOnPrimaryHas(bookingId));

        CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() ->
                api.querySide().as(member).get("/api/bookings/" + bookingId + "?after=" + placed.eventPosition()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        onStandby("SELECT pg_wal_replay_resume()");

        Reply answer = waiting.join().expectStatus(200);
        assertThat(answer.body().get("status").asText()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void theQuerySidesWritesAndTheFeedAddressesStayOnThePrimaryWhileTheStandbyIsBehind() {
        pauseReplay();
        String url = api.querySide()
                .as(member)
                .post("/api/members/me/calendar-feed", Map.of())
                .expectStatus(201)
                .body()
                .get("url")
                .asText();
        String feed = url.substring(url.indexOf("/api/"));
        api.querySide().get(feed).expectStatus(200);

        api.querySide().as(member).delete("/api/members/me/calendar-feed").expectStatus(204);
        api.querySide().get(feed).expectProblem(404, "CALENDAR_FEED_NOT_FOUND");
    }

    private Reply book(int hour) {
        ZonedDateTime start = ZonedDateTime.of(LocalDate.now(AMSTERDAM).plusDays(3), LocalTime.of(hour, 0), AMSTERDAM);
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, start.plusHours(1)))
                .expectStatus(201);
    }

    private static boolean readModelOnPrimaryHas(String bookingId) {
        return !system.eventStore()
                .strings("SELECT status FROM query_side.booking_view WHERE booking_id = ?", bookingId)
                .isEmpty();
    }

    private static void pauseReplay() {
        onStandby("SELECT pg_wal_replay_pause()");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "paused".equals(onStandby("SELECT pg_get_wal_replay_pause_state()")));
    }

    private static void standbyHasReplayedAllThePrimaryHasWritten() {
        String written = on(primary, "SELECT pg_current_wal_lsn()::text");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "true"
                        .equals(onStandby("SELECT (pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn)::text")));
    }

    private static String onStandby(String sql) {
        return on(standby, sql);
    }

    /** The first column of the first row, as text. */
    private static String on(DisposablePostgres server, String sql) {
        try (Connection connection = DriverManager.getConnection(
                        server.server().baseUrl() + "/postgres",
                        server.server().user(),
                        server.server().password());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String hostAndPort(DisposablePostgres server) {
        return server.server().baseUrl().substring("jdbc:postgresql://".length());
    }
}
