package com.coworkly.devpostgres.lookup;

import com.coworkly.devpostgres.lookup.PostgresServer.FoundBy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup's order, each step tried by pointing the ones before it nowhere. The last step runs a real throwaway
 * PostgreSQL, as root too (through runuser), since CI runs as root.
 */
class PostgresLookupTest {

    private static final Map<String, String> NOTHING_NAMED = Map.of();

    @Test
    void a_named_server_is_used_as_it_is() {
        PostgresLookup lookup = new PostgresLookup(
                Map.of("BOOKING_TEST_DB_URL", "jdbc:postgresql://db-host:5433/postgres")::get, unusedPort(), () -> {
                    throw new AssertionError("a named server needs no Docker");
                });

        PostgresServer found = lookup.find();

        assertThat(found.foundBy()).isEqualTo(FoundBy.NAMED);
        assertThat(found.baseUrl()).isEqualTo("jdbc:postgresql://db-host:5433");
    }

    @Test
    void without_a_named_server_or_docker_the_tests_get_a_throwaway_one_that_takes_a_database() throws SQLException {
        PostgresLookup lookup = new PostgresLookup(NOTHING_NAMED::get, unusedPort(), () -> false);

        PostgresServer found = lookup.find();

        assertThat(found.foundBy()).isEqualTo(FoundBy.THROWAWAY);
        try (Connection postgres =
                        DriverManager.getConnection(found.urlOf("postgres"), found.user(), found.password());
                Statement statement = postgres.createStatement()) {
            statement.execute("CREATE DATABASE coworkly_lookup_test");
        }
        try (Connection created = DriverManager.getConnection(
                        found.urlOf("coworkly_lookup_test"), found.user(), found.password());
                Statement statement = created.createStatement();
                ResultSet version = statement.executeQuery("SHOW server_version")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith("15.");
        }
    }

    @Test
    void a_server_that_answers_on_the_local_port_comes_before_docker_and_the_throwaway() {
        try (ThrowawayPostgres local = ThrowawayPostgres.start()) {
            PostgresLookup lookup = new PostgresLookup(NOTHING_NAMED::get, local.port(), () -> {
                throw new AssertionError("Docker is only asked when nothing answers locally");
            });

            assertThat(lookup.find().foundBy()).isEqualTo(FoundBy.LOCALHOST);
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
