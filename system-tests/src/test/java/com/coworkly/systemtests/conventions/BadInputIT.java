package com.coworkly.systemtests.conventions;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static com.coworkly.systemtests.support.Catalogue.aDesk;
import static com.coworkly.systemtests.support.Catalogue.aSpace;
import static com.coworkly.systemtests.support.Catalogue.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx problem+json with a stable code, and nothing is stored. */
@ExtendWith(SharedSystem.class)
class BadInputIT {

    private Api api;
    private EventStore events;
    private Api.Session admin;
    private long eventsBefore;

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        admin = api.signIn(Api.ADMIN);
        eventsBefore = events.count();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(events.count()).as("events stored by refused requests").isEqualTo(eventsBefore);
    }

    @Test
    void malformedJsonIsRefused() {
        api.commandSide()
                .as(admin)
                .postRaw("/api/spaces", "{\"name\": \"Broken", "application/json")
                .expectProblem(400, "MALFORMED_JSON");
        api.commandSide()
                .postRaw("/api/members", "{\"email\": ", "application/json")
                .expectProblem(400, "MALFORMED_JSON");
        api.commandSide().postRaw("/api/members", "[1, 2]", "application/json").expectProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        JsonNode problem = api.commandSide()
                .as(admin)
                .post("/api/spaces", with(aSpace("Typed"), "vatRatePercent", "lots"))
                .expectProblem(400, "VALIDATION_FAILED")
                .body();
        assertThat(problem.get("detail").asText()).contains("vatRatePercent");
        api.commandSide()
                .as(admin)
                .post("/api/spaces", with(aSpace("Typed"), "address", "somewhere"))
                .expectProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void missingFieldsAreRefusedListingEachOne() {
        JsonNode problem = api.commandSide()
                .as(admin)
                .post("/api/spaces", Map.of("name", "Bare"))
                .expectProblem(400, "VALIDATION_FAILED")
                .body();
        assertThat(problem.get("errors"))
                .extracting(error -> error.get("field").asText())
                .contains("timeZone", "currency", "vatRatePercent", "address");
        api.commandSide()
                .post("/api/members", Map.of("email", "x@example.test"))
                .expectProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void unknownFieldsAreRefusedRatherThanIgnored() {
        api.commandSide()
                .as(admin)
                .post("/api/spaces", with(aSpace("Extra"), "colour", "blue"))
                .expectProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void impossibleValuesAreRefused() {
        api.commandSide()
                .as(admin)
                .post("/api/spaces", with(aSpace("Nowhere"), "timeZone", "Mars/Olympus_Mons"))
                .expectProblem(400, "VALIDATION_FAILED");
        api.commandSide()
                .as(admin)
                .post("/api/spaces", with(aSpace("Costly"), "vatRatePercent", 250))
                .expectProblem(400, "VALIDATION_FAILED");
        api.commandSide()
                .post("/api/members", Map.of("email", "not-an-email", "name", "N", "password", Api.TEST_PASSWORD))
                .expectProblem(400, "VALIDATION_FAILED");
        String spaceId = api.querySide()
                .as(admin)
                .get("/api/spaces?size=1")
                .body()
                .get("items")
                .get(0)
                .get("spaceId")
                .asText();
        api.commandSide()
                .as(admin)
                .post("/api/spaces/" + spaceId + "/resources", with(aDesk("Odd"), "minimumMinutes", 45))
                .expectProblem(400, "VALIDATION_FAILED");
        api.commandSide()
                .as(admin)
                .post(
                        "/api/spaces/" + spaceId + "/resources",
                        with(
                                aDesk("Backwards"),
                                "openingHours",
                                java.util.List.of(Map.of("day", "MONDAY", "opens", "18:00", "closes", "08:00"))))
                .expectProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void otherMediaTypesAndUnknownPathsAreProblemsToo() {
        api.commandSide()
                .as(admin)
                .postRaw("/api/spaces", "name=x", "application/x-www-form-urlencoded")
                .expectProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        api.commandSide().as(admin).get("/api/no-such-thing").expectProblem(404, "NOT_FOUND");
        api.querySide().as(admin).get("/api/no-such-thing").expectProblem(404, "NOT_FOUND");
        api.querySide().as(admin).get("/api/spaces?after=yesterday").expectProblem(400, "VALIDATION_FAILED");
    }
}
