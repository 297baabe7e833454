package com.coworkly.systemtests.operations;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.MailCatcher;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, part 3 over HTTP: an operator rebuilds each read model from the first event; the rebuilt tables are the
 * ones built live, queries answer from the live tables all along, and nothing is emailed or charged again.
 */
class ProjectionReplayIT {

    private static final Map<String, List<String>> TABLES = tables();

    /**
     * Members registered straight into the event store, so that a rebuild has enough history to take a few
     * seconds on a fast machine: long enough to query while it runs.
     */
    private static final int BULK_MEMBERS = 30_000;

    /** Members per transaction, as a busy registration day would append them. */
    private static final int BULK_BATCH = 500;

    private static MailCatcher mail;
    private static RunningSystem system;
    private static Api api;
    private static EventStore database;
    private static Api.Session operator;

    @BeforeAll
    static void startWithHistory() {
        mail = new MailCatcher();
        // Company bills close every 10 seconds, so that the history has a company's invoice to replay.
        system = RunningSystem.start(Map.of("BOOKING_COMPANY_BILLING_CYCLE", "PT10S"), mail.querySideEnvironment());
        api = system.api();
        database = system.eventStore();
        operator = api.signIn(Api.OPERATOR);
    }

    @AfterAll
    static void stop() {
        system.close();
        mail.close();
    }

    @Test
    void aReplayOfEachReadModelGivesTheTablesBuiltLiveWhileQueriesAnswerAndNothingIsSentAgain() {
        History history = aHistory();
        registerMembersInBulk();
        awaitEveryProjectionCaughtUp();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.longValue("SELECT count(*) FROM query_side.outbound_email WHERE sent_at IS NULL")
                        == 0);
        Map<String, List<String>> live = contents();
        Map<String, JsonNode> answers = history.answers();
        int emails = mail.receivedCount();
        long outbox = database.longValue("SELECT count(*) FROM query_side.outbound_email");
        int stripeCalls = system.stripe().requestCount();

        parkAnEventOf("invoices");

        for (String group : TABLES.keySet()) {
            JsonNode started = api.querySide()
                    .as(operator)
                    .post("/api/operations/projections/" + group + "/replay", Map.of())
                    .expectStatus(202)
                    .body();
            assertThat(started.get("replaying").asBoolean()).isTrue();
            assertThat(started.get("replay").get("state").asText()).isEqualTo("REBUILDING");

            assertThat(history.answers()).isEqualTo(answers);
            assertThat(projection(group).get("replaying").asBoolean())
                    .as("the queries above were answered while %s was rebuilt", group)
                    .isTrue();
            api.querySide()
                    .as(operator)
                    .post("/api/operations/projections/" + group + "/replay", Map.of())
                    .expectProblem(409, "REPLAY_ALREADY_RUNNING");

            await().atMost(Duration.ofMinutes(2))
                    .until(() -> !"REBUILDING|SWITCHING"
                            .contains(
                                    projection(group).get("replay").get("state").asText()));
            JsonNode finished = projection(group);
            assertThat(finished.get("replay").get("state").asText()).isEqualTo("COMPLETED");
            assertThat(finished.get("replaying").asBoolean()).isFalse();
        }

        awaitEveryProjectionCaughtUp();
        assertThat(contents()).isEqualTo(live);
        assertThat(history.answers()).isEqualTo(answers);
        assertThat(database.longValue("SELECT count(*) FROM query_side.outbound_email"))
                .isEqualTo(outbox);
        assertThat(mail.receivedCount()).isEqualTo(emails);
        assertThat(database.longValue(
                        "SELECT count(*) FROM query_side.dead_letter_entry WHERE processing_group = " + "'invoices'"))
                .as("a rebuild handles the parked events too, so they are gone")
                .isZero();
        assertThat(system.stripe().requestCount()).isEqualTo(stripeCalls);

        // The switched tables carry the migrations' names, so the query side starts (and migrates) again.
        system.restartQuerySide();
        assertThat(history.answers()).isEqualTo(answers);
        Reply again = api.querySide()
                .as(operator)
                .post("/api/operations/projections/dashboards/replay", Map.of())
                .expectStatus(202);
        assertThat(again.body().get("name").asText()).isEqualTo("dashboards");
        await().atMost(Duration.ofMinutes(2))
                .until(() -> "COMPLETED"
                        .equals(projection("dashboards")
                                .get("replay")
                                .get("state")
                                .asText()));
        assertThat(contents()).isEqualTo(live);
    }

    /**
     * A rebuild sends its writes at each batch's commit (decision 26): a write that fails there fails the rebuild
     * as a failing handler does, instead of the batch being retried for ever.
     */
    @Test
    void aRebuildWhoseWriteFailsEndsFailedAndLeavesTheLiveTablesAsTheyWere() {
        String spaceId = Catalogue.aManagedSpace(api, "Unrebuildable " + UUID.randomUUID())
                .spaceId();
        awaitEveryProjectionCaughtUp();
        // Not checked against the live rows, but against every row written into the copy.
        database.execute("ALTER TABLE query_side.space_view ADD CONSTRAINT replay_poison CHECK (space_id <> '" + spaceId
                + "') NOT VALID");
        try {
            List<String> live = database.strings("SELECT t::text FROM query_side.space_view t ORDER BY t::text");

            api.querySide()
                    .as(operator)
                    .post("/api/operations/projections/catalogue/replay", Map.of())
                    .expectStatus(202);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> !"REBUILDING|SWITCHING"
                            .contains(projection("catalogue")
                                    .get("replay")
                                    .get("state")
                                    .asText()));

            assertThat(projection("catalogue").get("replay").get("state").asText())
                    .isEqualTo("FAILED");
            assertThat(database.strings("SELECT t::text FROM query_side.space_view t ORDER BY t::text"))
                    .isEqualTo(live);
            // Dropped once the rebuild's processor has stopped, just after the state says FAILED.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> database.longValue("SELECT count(*) FROM pg_tables"
                                    + " WHERE schemaname = 'query_side_rebuild' AND tablename = 'space_view'")
                            == 0);
        } finally {
            database.execute("ALTER TABLE query_side.space_view DROP CONSTRAINT replay_poison");
        }
    }

    @Test
    void everyProcessingGroupShowsItsPositionTheHeadAndItsLag() {
        awaitEveryProjectionCaughtUp();
        JsonNode projections = api.querySide()
                .as(operator)
                .get("/api/operations/projections")
                .expectStatus(200)
                .body();
        List<String> names = new ArrayList<>();
        projections.forEach(projection -> {
            names.add(projection.get("name").asText());
            assertThat(projection.get("lag").asLong()).isZero();
            assertThat(projection.get("position").asLong())
                    .isEqualTo(projection.get("head").asLong());
        });
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "availability",
                        "bookings",
                        "catalogue",
                        "dashboards",
                        "invoices",
                        "memberships",
                        "credits",
                        "companies",
                        "notifications");
        projections.forEach(
                projection -> assertThat(projection.get("replayable").asBoolean())
                        .isEqualTo(!projection.get("name").asText().equals("notifications")));
    }

    @Test
    void theNotificationsAreNeverReplayedBecauseTheyEmail() {
        api.querySide()
                .as(operator)
                .post("/api/operations/projections/notifications/replay", Map.of())
                .expectProblem(409, "PROJECTION_NOT_REPLAYABLE");
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        api.querySide()
                .as(operator)
                .post("/api/operations/projections/horoscopes/replay", Map.of())
                .expectProblem(404, "PROJECTION_NOT_FOUND");
    }

    /** What members and managers read of the history, one query per read model. */
    private record History(
            Catalogue.ManagedSpace space,
            String desk,
            Api.Session member,
            LocalDate day,
            String company,
            Api.Session admin) {

        Map<String, JsonNode> answers() {
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            answers.put("catalogue", get(space.manager(), "/api/spaces/" + space.spaceId()));
            answers.put("bookings", get(member, "/api/members/me/bookings?size=50"));
            answers.put(
                    "availability",
                    get(
                            member,
                            "/api/resources/" + desk + "/availability?from=" + encoded(at(day, 0)) + "&to="
                                    + encoded(at(day.plusDays(2), 0))));
            answers.put("invoices", get(member, "/api/members/me/invoices?size=50"));
            answers.put("memberships", get(member, "/api/plans?includeRetired=true&size=100"));
            answers.put("membership", get(member, "/api/members/me/membership"));
            answers.put("credits", get(member, "/api/members/me/credits"));
            answers.put("statement", get(member, "/api/members/me/credits/statement"));
            answers.put("company", get(admin, "/api/companies/" + company));
            answers.put("team", get(admin, "/api/companies/" + company + "/bookings?size=50"));
            answers.put("company invoices", get(admin, "/api/companies/" + company + "/invoices?size=50"));
            answers.put("company pool", get(admin, "/api/companies/" + company + "/credits/statement?size=50"));
            answers.put(
                    "dashboards",
                    get(
                            space.manager(),
                            "/api/dashboards/spaces/" + space.spaceId() + "?from=" + day.minusDays(2) + "&to="
                                    + day.plusDays(5) + "&granularity=DAY"));
            return answers;
        }

        private static JsonNode get(Api.Session caller, String path) {
            return api.querySide().as(caller).get(path).expectStatus(200).body();
        }

        private static String encoded(ZonedDateTime time) {
            return time.toOffsetDateTime().toString().replace("+", "%2B");
        }
    }

    /** Bookings placed, paid (invoiced), cancelled (credited and refunded), and a maintenance block. */
    /** A membership whose first period Stripe says is paid: a grant on the member's credit ledger. */
    private static void aPaidMembershipOf(Api.Session member) {
        String plan = Memberships.define(api, Memberships.aPlan("Replayed membership plan", 600, "MEETING_ROOM"));
        Memberships.firstPeriodPaid(api, Memberships.subscribe(api, member, plan));
    }

    private static void aRevisedAndRetiredPlan(String spaceId) {
        Api.Session admin = api.signIn(Api.ADMIN);
        Map<String, Object> plan = Memberships.aPlan("Replayed plan", 600, "DESK", "MEETING_ROOM");
        plan.put("spaceIds", List.of(spaceId));
        String planId = Memberships.define(api, plan);
        plan.put("rollover", Map.of("capMinutes", 120));
        api.commandSide().as(admin).put("/api/plans/" + planId, plan).expectStatus(200);
        api.commandSide()
                .as(admin)
                .post("/api/plans/" + planId + "/retire", Map.of())
                .expectStatus(200);
    }

    private static History aHistory() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Replayed " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        // Cleaned for half an hour after each booking: availability's rebuild must keep the buffered periods.
        api.commandSide()
                .as(space.manager())
                .put("/api/resources/" + desk + "/buffers", Map.of("beforeMinutes", 0, "afterMinutes", 30))
                .expectStatus(200);
        // Two seats: availability's rebuild must count the seats left in each period.
        api.commandSide()
                .as(space.manager())
                .put("/api/resources/" + desk + "/seats", Map.of("seats", 2))
                .expectStatus(200);
        aRevisedAndRetiredPlan(space.spaceId());
        Api.Session member = api.newMember();
        aPaidMembershipOf(member);
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(4);
        String company = aCompanyBilledForItsTeam(member, space.spaceId(), desk, day.plusDays(2));
        for (int hour = 8; hour < 20; hour += 3) {
            String booking = api.commandSide()
                    .as(member)
                    .post("/api/bookings", aBooking(desk, at(day, hour), at(day, hour + 2)))
                    .expectStatus(201)
                    .body()
                    .get("bookingId")
                    .asText();
            if (hour == 17) {
                continue;
            }
            api.pay(booking).expectStatus(200);
            if (hour == 11) {
                api.commandSide()
                        .as(member)
                        .post("/api/bookings/" + booking + "/cancel", Map.of())
                        .expectStatus(200);
            }
        }
        api.commandSide()
                .as(space.manager())
                .post(
                        "/api/resources/" + desk + "/blocks",
                        aBlock(at(day.plusDays(1), 9), at(day.plusDays(1), 12), false))
                .expectStatus(201);
        // Signed in once: the answers are read while a rebuild runs, and a sign-in's password hashing is slow.
        return new History(space, desk, member, day, company, api.signIn(Api.ADMIN));
    }

    /**
     * A company the member administers, whose seat a teammate holds, on a plan whose pool pays an hour: the
     * teammate's two bookings on {@code day} (one cancelled) are the team's, paid from the pool and billed to the
     * company, whose bills are closed and invoiced before this returns.
     */
    private static String aCompanyBilledForItsTeam(Api.Session member, String spaceId, String desk, LocalDate day) {
        String company = Companies.register(api, Companies.aCompany("Replayed company " + UUID.randomUUID()));
        Api.Session admin = api.signIn(Api.ADMIN);
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/administrators", Map.of("memberId", member.memberId()))
                .expectStatus(200);
        Api.Session teammate = api.newMember();
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/members", Map.of("memberId", teammate.memberId()))
                .expectStatus(200);
        String plan = Memberships.define(api, Memberships.aPlan("Replayed team plan", 60, "DESK"));
        api.commandSide()
                .as(member)
                .post("/api/companies/" + company + "/plan", Map.of("planId", plan, "homeSpaceId", spaceId))
                .expectStatus(200);
        api.commandSide()
                .as(teammate)
                .post("/api/bookings", aBooking(desk, at(day, 9), at(day, 11)))
                .expectStatus(201);
        String cancelled = api.commandSide()
                .as(teammate)
                .post("/api/bookings", aBooking(desk, at(day, 12), at(day, 14)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.commandSide()
                .as(teammate)
                .post("/api/bookings/" + cancelled + "/cancel", Map.of())
                .expectStatus(200);
        String bills = "bill-" + company + "-%";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> database.longValue(
                                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE '"
                                        + bills + "' AND payload_type LIKE '%.CompanyBillOpened'")
                        == database.longValue(
                                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE '"
                                        + bills + "' AND payload_type LIKE '%.CompanyBillClosed'"));
        return company;
    }

    /** Copies of a stored MemberRegistered under new member ids. */
    private static void registerMembersInBulk() {
        for (int first = 1; first <= BULK_MEMBERS; first += BULK_BATCH) {
            registerMembers(first, first + BULK_BATCH - 1);
        }
    }

    private static void registerMembers(int first, int last) {
        database.strings("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT gen_random_uuid()::text, 'bulk-member-' || n, 0, e.type, e.time_stamp, e.payload_type,
                    e.payload_revision,
                    convert_to(replace(convert_from(e.payload, 'UTF8'), e.aggregate_identifier, 'bulk-member-' || n),
                        'UTF8'),
                    e.meta_data
                FROM (SELECT * FROM event_store.domain_event_entry WHERE payload_type LIKE '%.MemberRegistered'
                      ORDER BY global_index LIMIT 1) e, generate_series(?, ?) n""", first, last);
    }

    /** A dead letter as the queue would have parked it, of an event that the handler now takes. */
    private static void parkAnEventOf(String group) {
        database.strings("""
                INSERT INTO query_side.dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,
                    sequence_index, message_type, event_identifier, time_stamp, payload_type, payload_revision,
                    payload, meta_data, aggregate_type, aggregate_identifier, sequence_number, enqueued_at,
                    cause_type, cause_message)
                SELECT gen_random_uuid()::text, ?, e.aggregate_identifier, 0,
                    'org.axonframework.eventhandling.GenericDomainEventMessage', e.event_identifier, e.time_stamp,
                    e.payload_type, e.payload_revision, e.payload, e.meta_data, e.type, e.aggregate_identifier,
                    e.sequence_number, e.time_stamp, 'java.lang.IllegalStateException', 'a bug since fixed'
                FROM event_store.domain_event_entry e WHERE e.payload_type LIKE '%.InvoiceIssued'
                ORDER BY e.global_index LIMIT 1""", group);
    }

    private static void awaitEveryProjectionCaughtUp() {
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            JsonNode projections = api.querySide()
                    .as(operator)
                    .get("/api/operations/projections")
                    .expectStatus(200)
                    .body();
            boolean caughtUp = true;
            for (JsonNode projection : projections) {
                caughtUp &= projection.get("lag").isNumber()
                        && projection.get("lag").asLong() == 0;
            }
            return caughtUp;
        });
    }

    private static JsonNode projection(String name) {
        for (JsonNode projection : api.querySide()
                .as(operator)
                .get("/api/operations/projections")
                .expectStatus(200)
                .body()) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    /** Every row of every replayable read model, and the names of their indexes and constraints. */
    private static Map<String, List<String>> contents() {
        Map<String, List<String>> contents = new TreeMap<>();
        TABLES.values().stream()
                .flatMap(List::stream)
                .forEach(table -> contents.put(
                        table, database.strings("SELECT t::text FROM query_side." + table + " t ORDER BY t::text")));
        contents.put(
                "indexes",
                database.strings("SELECT indexdef FROM pg_indexes WHERE schemaname = 'query_side' ORDER BY indexdef"));
        contents.put("constraints", database.strings("""
                SELECT c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = 'query_side' ORDER BY 1"""));
        return contents;
    }

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("catalogue", List.of("space_view", "space_manager_view", "resource_view"));
        tables.put("bookings", List.of("booking_view", "booking_space_manager"));
        tables.put("availability", List.of("availability_space", "availability_resource", "occupied_period"));
        tables.put(
                "invoices",
                List.of("invoice_view", "invoice_space", "invoice_space_manager", "invoice_company_administrator"));
        tables.put("memberships", List.of("plan_view", "membership_view"));
        tables.put("credits", List.of("credit_grant_view", "credit_entry_view"));
        tables.put(
                "companies",
                List.of(
                        "company_view",
                        "company_administrator_view",
                        "company_seat_view",
                        "company_booking_view",
                        "company_plan_view"));
        tables.put(
                "dashboards",
                List.of(
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
                        "dashboard_credit_return"));
        return tables;
    }

    private static ZonedDateTime at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), AMSTERDAM);
    }
}
