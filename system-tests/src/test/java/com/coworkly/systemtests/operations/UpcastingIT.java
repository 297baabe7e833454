package com.coworkly.systemtests.operations;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.RunningSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, part 5: a space whose {@code SpaceRegistered} is stored as revision 1, as it was before the reminder
 * lead was recorded, is read as revision 2 by both services' event stores — the command side loads the space
 * from it, a replay of the catalogue rebuilds the same read model, and the audit folds it — through the
 * platform's upcaster, which Axon's JDBC storage engine must really have been given.
 */
class UpcastingIT {

    private static final List<String> CATALOGUE_TABLES = List.of("space_view", "space_manager_view", "resource_view");

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
    void aSpaceStoredAsRevisionOneIsLoadedReplayedAndAuditedAsRevisionTwo() {
        Api api = system.api();
        EventStore database = system.eventStore();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Upcast " + UUID.randomUUID());
        api.querySide()
                .as(space.manager())
                .get("/api/spaces/" + space.spaceId() + "?after=" + space.position())
                .expectStatus(200);
        Map<String, List<String>> live = contents(database);

        storeAsRevisionOneBeforeTheReminderLead(database, space.spaceId());

        system.stopQuerySide();
        database.strings("DELETE FROM query_side.token_entry WHERE processor_name = 'catalogue'");
        database.strings("TRUNCATE "
                + String.join(
                        ", ",
                        CATALOGUE_TABLES.stream().map(t -> "query_side." + t).toList()));
        system.startQuerySide();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(contents(database)).isEqualTo(live));

        system.restartCommandSide();
        Api.Session admin = api.signIn(Api.ADMIN);
        Api.Session secondManager = api.newMember();
        long granted = api.commandSide()
                .as(admin)
                .post("/api/spaces/" + space.spaceId() + "/managers", Map.of("memberId", secondManager.memberId()))
                .expectStatus(200)
                .eventPosition();
        assertThat(database.typesOf(space.spaceId()))
                .containsExactly("SpaceRegistered", "ManagerGranted", "ManagerGranted");
        api.querySide()
                .as(space.manager())
                .get("/api/spaces/" + space.spaceId() + "?after=" + granted)
                .expectStatus(200);
        assertThat(database.strings(
                        "SELECT member_id FROM query_side.space_manager_view WHERE space_id = ?", space.spaceId()))
                .contains(secondManager.memberId());

        JsonNode audited = api.querySide()
                .as(api.signIn(Api.OPERATOR))
                .get("/api/audit/aggregates/" + space.spaceId() + "/state?asOf=" + Instant.now())
                .expectStatus(200)
                .body();
        assertThat(audited.get("state").get("reminderLead").asText()).isEqualTo("PT24H");
    }

    /** Rewrites the stored event to the bytes the serializer wrote before {@code reminderLead} existed. */
    private static void storeAsRevisionOneBeforeTheReminderLead(EventStore database, String spaceId) {
        database.strings("""
                UPDATE event_store.domain_event_entry
                SET payload_revision = '1',
                    payload = convert_to(replace(convert_from(payload, 'UTF8'), ',"reminderLead":"PT24H"', ''), 'UTF8')
                WHERE aggregate_identifier = ? AND payload_type = 'com.coworkly.events.catalogue.SpaceRegistered'""", spaceId);
        assertThat(database.strings("""
                SELECT payload_revision || ' ' || convert_from(payload, 'UTF8') FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%.SpaceRegistered'""", spaceId))
                .singleElement()
                .satisfies(stored -> assertThat(stored).startsWith("1 {").doesNotContain("reminderLead"));
    }

    private static Map<String, List<String>> contents(EventStore database) {
        Map<String, List<String>> contents = new TreeMap<>();
        for (String table : CATALOGUE_TABLES) {
            contents.put(table, database.strings("SELECT t::text FROM query_side." + table + " t ORDER BY t::text"));
        }
        return contents;
    }
}
