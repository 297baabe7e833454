package com.coworkly.queryside.operations;

import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances asking to rebuild one read model at once: each asks through its own PostgreSQL session. */
class RebuildLeasesTest {

    private static ReadModelDatabase database;
    private static RebuildLeases leases;

    @BeforeAll
    static void start() {
        database = ReadModelDatabase.fresh();
        // Every connection of this data source is a session of its own, as on two instances.
        leases = new RebuildLeases(database.jdbc().getDataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aReadModelHasOneRebuildAtATimeAndTheNextMayStartOnceItEnds() {
        Optional<RebuildLeases.Lease> first = leases.tryTake("dashboards");
        assertThat(first).as("the first request").isPresent();

        assertThat(leases.tryTake("dashboards"))
                .as("a second request while it runs")
                .isEmpty();
        try (RebuildLeases.Lease other = leases.tryTake("bookings").orElseThrow()) {
            assertThat(other).as("another read model's rebuild").isNotNull();
        }

        first.get().close();
        try (RebuildLeases.Lease next = leases.tryTake("dashboards").orElseThrow()) {
            assertThat(next).as("a request after it ended").isNotNull();
        }
    }
}
