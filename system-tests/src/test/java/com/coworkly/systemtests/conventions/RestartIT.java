package com.coworkly.systemtests.conventions;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.RunningSystem;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.coworkly.systemtests.support.Catalogue.aSpace;
import static org.assertj.core.api.Assertions.assertThat;

/** Restarting both services keeps every event, every read model and the signing key. */
class RestartIT {

    @Test
    void eventsReadModelsAndTokensSurviveARestart() {
        try (RunningSystem system = RunningSystem.start()) {
            Api api = system.api();
            EventStore events = system.eventStore();
            Api.Session admin = api.signIn(Api.ADMIN);
            String name = "Before restart " + UUID.randomUUID();
            long position = api.commandSide()
                    .as(admin)
                    .post("/api/spaces", aSpace(name))
                    .expectStatus(201)
                    .eventPosition();
            api.querySide().as(admin).get("/api/spaces?after=" + position).expectStatus(200);
            long eventsBefore = events.count();
            String keysBefore = api.commandSide().get("/.well-known/jwks.json").raw();
            String tokensBefore = events.strings("SELECT string_agg(encode(token, 'hex'), ',' ORDER BY segment) "
                            + "FROM query_side.token_entry WHERE processor_name = 'catalogue'")
                    .get(0);

            system.restart();

            assertThat(events.count())
                    .as("events after restart (the demo seeding must not run twice)")
                    .isEqualTo(eventsBefore);
            assertThat(api.commandSide().get("/.well-known/jwks.json").raw()).isEqualTo(keysBefore);
            assertThat(api.querySide()
                            .as(admin)
                            .get("/api/spaces?size=100")
                            .expectStatus(200)
                            .raw())
                    .contains(name);
            assertThat(events.strings("SELECT string_agg(encode(token, 'hex'), ',' ORDER BY segment) "
                                    + "FROM query_side.token_entry WHERE processor_name = 'catalogue'")
                            .get(0))
                    .as("the read model continued where it was, rather than being rebuilt")
                    .isEqualTo(tokensBefore);
            api.commandSide()
                    .as(admin)
                    .post("/api/spaces", aSpace("After restart " + UUID.randomUUID()))
                    .expectStatus(201);
        }
    }
}
