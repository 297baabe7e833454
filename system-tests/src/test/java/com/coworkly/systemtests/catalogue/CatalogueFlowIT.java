package com.coworkly.systemtests.catalogue;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Catalogue.ManagedSpace;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.coworkly.systemtests.support.Catalogue.aDesk;
import static com.coworkly.systemtests.support.Catalogue.aSpace;
import static com.coworkly.systemtests.support.Catalogue.with;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue from command to read model, across both services. */
@ExtendWith(SharedSystem.class)
class CatalogueFlowIT {

    private Api api;
    private EventStore events;

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
    }

    @Test
    void aRegisteredSpaceIsListedAtOnceWithReadYourWrites() {
        Api.Session admin = api.signIn(Api.ADMIN);
        String name = "Space " + UUID.randomUUID();
        Reply registered =
                api.commandSide().as(admin).post("/api/spaces", aSpace(name)).expectStatus(201);
        String spaceId = registered.body().get("spaceId").asText();
        assertThat(registered.header("Location")).isEqualTo("/api/spaces/" + spaceId);

        JsonNode listed = findSpace(admin, registered.eventPosition(), spaceId);

        assertThat(listed.get("name").asText()).isEqualTo(name);
        assertThat(listed.get("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(listed.get("currency").asText()).isEqualTo("EUR");
        assertThat(listed.get("cancellationPolicy").get("lateFeePercent").asInt())
                .isEqualTo(50);
        JsonNode located = api.querySide()
                .as(admin)
                .get(registered.header("Location"))
                .expectStatus(200)
                .body();
        assertThat(located).isEqualTo(listed);
    }

    @Test
    void aManagerAddsAResourceThatMembersSeeAtOnce() {
        ManagedSpace space = Catalogue.aManagedSpace(api, "Space " + UUID.randomUUID());
        Reply added = api.commandSide()
                .as(space.manager())
                .post("/api/spaces/" + space.spaceId() + "/resources", aDesk("Window desk"))
                .expectStatus(201);
        String resourceId = added.body().get("resourceId").asText();

        Api.Session member = api.newMember();
        JsonNode resources = api.querySide()
                .as(member)
                .get("/api/spaces/" + space.spaceId() + "/resources?after=" + added.eventPosition())
                .expectStatus(200)
                .body();

        assertThat(resources.get("totalItems").asLong()).isEqualTo(1);
        JsonNode desk = resources.get("items").get(0);
        assertThat(desk.get("resourceId").asText()).isEqualTo(resourceId);
        assertThat(desk.get("name").asText()).isEqualTo("Window desk");
        assertThat(desk.get("hourlyPrice").get("amount").asLong()).isEqualTo(600);
        assertThat(desk.get("slotMinutes").asInt()).isEqualTo(30);
        assertThat(desk.get("openingHours").get(0).get("opens").asText()).isEqualTo("08:00");
        assertThat(api.querySide()
                        .as(member)
                        .get(added.header("Location"))
                        .expectStatus(200)
                        .body())
                .isEqualTo(desk);
    }

    @Test
    void revisingAResourceRecordsOnlyWhatChangedAndShowsIt() {
        ManagedSpace space = Catalogue.aManagedSpace(api, "Space " + UUID.randomUUID());
        String resourceId = addDesk(space, "Desk");

        Reply revised = api.commandSide()
                .as(space.manager())
                .put(
                        "/api/resources/" + resourceId,
                        with(aDesk("Desk"), "hourlyPrice", Map.of("amount", 750, "currency", "EUR")))
                .expectStatus(200);

        assertThat(events.typesOf(resourceId)).containsExactly("ResourceAdded", "ResourceRepriced");
        JsonNode desk = api.querySide()
                .as(space.manager())
                .get("/api/spaces/" + space.spaceId() + "/resources?after=" + revised.eventPosition())
                .expectStatus(200)
                .body()
                .get("items")
                .get(0);
        assertThat(desk.get("hourlyPrice").get("amount").asLong()).isEqualTo(750);
    }

    @Test
    void aRetiredResourceLeavesTheListButCanBeAskedFor() {
        ManagedSpace space = Catalogue.aManagedSpace(api, "Space " + UUID.randomUUID());
        String resourceId = addDesk(space, "Old desk");

        Reply retired = api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + resourceId + "/retire", Map.of())
                .expectStatus(200);

        String path = "/api/spaces/" + space.spaceId() + "/resources?after=" + retired.eventPosition();
        assertThat(api.querySide()
                        .as(space.manager())
                        .get(path)
                        .body()
                        .get("totalItems")
                        .asLong())
                .isZero();
        JsonNode all = api.querySide()
                .as(space.manager())
                .get(path + "&includeRetired=true")
                .body();
        assertThat(all.get("items").get(0).get("retired").asBoolean()).isTrue();
        api.commandSide()
                .as(space.manager())
                .put("/api/resources/" + resourceId, aDesk("Old desk"))
                .expectProblem(409, "RESOURCE_RETIRED");
    }

    @Test
    void aManagerCannotTouchAnotherManagersSpace() {
        ManagedSpace mine = Catalogue.aManagedSpace(api, "Mine " + UUID.randomUUID());
        ManagedSpace theirs = Catalogue.aManagedSpace(api, "Theirs " + UUID.randomUUID());
        String theirDesk = addDesk(theirs, "Their desk");
        long before = events.count();

        api.commandSide()
                .as(mine.manager())
                .post("/api/spaces/" + theirs.spaceId() + "/resources", aDesk("Intruder"))
                .expectProblem(403, "NOT_MANAGER_OF_SPACE");
        api.commandSide()
                .as(mine.manager())
                .put("/api/resources/" + theirDesk, aDesk("Renamed"))
                .expectProblem(403, "NOT_MANAGER_OF_SPACE");
        api.commandSide()
                .as(mine.manager())
                .post("/api/resources/" + theirDesk + "/retire", Map.of())
                .expectProblem(403, "NOT_MANAGER_OF_SPACE");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void anAdministratorManagesEverySpace() {
        ManagedSpace space = Catalogue.aManagedSpace(api, "Space " + UUID.randomUUID());
        api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .post("/api/spaces/" + space.spaceId() + "/resources", aDesk("By admin"))
                .expectStatus(201);
    }

    @Test
    void unknownIdsAreRefusedByName() {
        Api.Session admin = api.signIn(Api.ADMIN);
        String nobody = UUID.randomUUID().toString();
        long before = events.count();

        api.commandSide()
                .as(admin)
                .post("/api/spaces/" + nobody + "/resources", aDesk("Nowhere"))
                .expectProblem(404, "SPACE_NOT_FOUND");
        api.commandSide()
                .as(admin)
                .put("/api/resources/" + nobody, aDesk("Nothing"))
                .expectProblem(404, "RESOURCE_NOT_FOUND");
        api.commandSide()
                .as(admin)
                .post("/api/resources/" + nobody + "/retire", Map.of())
                .expectProblem(404, "RESOURCE_NOT_FOUND");
        api.commandSide()
                .as(admin)
                .post("/api/spaces/" + nobody + "/managers", Map.of("memberId", nobody))
                .expectProblem(404, "SPACE_NOT_FOUND");
        api.querySide().as(admin).get("/api/spaces/" + nobody + "/resources").expectProblem(404, "SPACE_NOT_FOUND");
        api.querySide().as(admin).get("/api/spaces/" + nobody).expectProblem(404, "SPACE_NOT_FOUND");
        api.querySide().as(admin).get("/api/resources/" + nobody).expectProblem(404, "RESOURCE_NOT_FOUND");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void grantingAnUnknownMemberIsRefused() {
        ManagedSpace space = Catalogue.aManagedSpace(api, "Space " + UUID.randomUUID());
        api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .post(
                        "/api/spaces/" + space.spaceId() + "/managers",
                        Map.of("memberId", UUID.randomUUID().toString()))
                .expectProblem(404, "MEMBER_NOT_FOUND");
    }

    @Test
    void aPriceInAnotherCurrencyThanTheSpaceIsRefused() {
        ManagedSpace space = Catalogue.aManagedSpace(api, "Space " + UUID.randomUUID());
        api.commandSide()
                .as(space.manager())
                .post(
                        "/api/spaces/" + space.spaceId() + "/resources",
                        with(aDesk("Dollar desk"), "hourlyPrice", Map.of("amount", 600, "currency", "USD")))
                .expectProblem(422, "CURRENCY_MISMATCH");
    }

    @Test
    void spacesArePagedInAStableOrder() {
        Api.Session admin = api.signIn(Api.ADMIN);
        String prefix = "Paged " + UUID.randomUUID() + " ";
        long position = 0;
        for (String letter : List.of("c", "a", "b")) {
            position = api.commandSide()
                    .as(admin)
                    .post("/api/spaces", aSpace(prefix + letter))
                    .expectStatus(201)
                    .eventPosition();
        }
        JsonNode first = api.querySide()
                .as(admin)
                .get("/api/spaces?size=2&page=0&after=" + position)
                .body();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(2);
        List<String> names = allSpaceNames(admin, first.get("totalPages").asInt());
        assertThat(names).isSorted();
        assertThat(names).containsSubsequence(prefix + "a", prefix + "b", prefix + "c");
        api.querySide().as(admin).get("/api/spaces?size=101").expectProblem(400, "VALIDATION_FAILED");
        api.querySide().as(admin).get("/api/spaces?page=-1").expectProblem(400, "VALIDATION_FAILED");
    }

    private List<String> allSpaceNames(Api.Session caller, int pages) {
        return java.util.stream.IntStream.range(0, pages)
                .mapToObj(page -> api.querySide()
                        .as(caller)
                        .get("/api/spaces?size=2&page=" + page)
                        .body()
                        .get("items"))
                .flatMap(items -> StreamSupport.stream(items.spliterator(), false))
                .map(space -> space.get("name").asText())
                .toList();
    }

    private String addDesk(ManagedSpace space, String name) {
        return api.commandSide()
                .as(space.manager())
                .post("/api/spaces/" + space.spaceId() + "/resources", aDesk(name))
                .expectStatus(201)
                .body()
                .get("resourceId")
                .asText();
    }

    private JsonNode findSpace(Api.Session caller, long after, String spaceId) {
        JsonNode page = api.querySide()
                .as(caller)
                .get("/api/spaces?size=100&after=" + after)
                .expectStatus(200)
                .body();
        for (int number = 0; number < page.get("totalPages").asInt(); number++) {
            JsonNode items = api.querySide()
                    .as(caller)
                    .get("/api/spaces?size=100&page=" + number)
                    .body()
                    .get("items");
            for (JsonNode space : items) {
                if (space.get("spaceId").asText().equals(spaceId)) {
                    return space;
                }
            }
        }
        throw new AssertionError("space " + spaceId + " is not listed");
    }
}
