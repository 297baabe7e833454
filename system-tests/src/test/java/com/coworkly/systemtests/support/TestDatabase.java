package com.coworkly.systemtests.support;

import com.coworkly.devpostgres.lookup.PostgresLookup;
import com.coworkly.devpostgres.lookup.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use, found by dev-postgres' {@link PostgresLookup} in the README's order: the one
 * named by {@code BOOKING_TEST_DB_URL}, else a server on localhost:5432, else a Testcontainers one when Docker is
 * present, else a throwaway embedded PostgreSQL 15. Each caller gets a fresh database on that server, so test runs
 * never see each other's events.
 */
public final class TestDatabase {

    public record Server(String baseUrl, String user, String password) {

        String urlOf(String database) {
            return baseUrl + "/" + database;
        }
    }

    private static Server server;

    private TestDatabase() {}

    /** A new, empty database; the services create their schemas in it with Flyway. */
    public static synchronized String freshDatabaseUrl() {
        return freshDatabaseUrl(server());
    }

    /** A new, empty database on the given server. */
    public static synchronized String freshDatabaseUrl(Server found) {
        String database = "coworkly_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection =
                        DriverManager.getConnection(found.urlOf("postgres"), found.user(), found.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
        return found.urlOf(database);
    }

    /** Drops a database made by {@link #freshDatabaseUrl()}, once nothing is connected to it any more. */
    public static synchronized void drop(String databaseUrl) {
        drop(server(), databaseUrl);
    }

    /** Drops a database of the given server made by {@link #freshDatabaseUrl(Server)}. */
    public static synchronized void drop(Server found, String databaseUrl) {
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        try (Connection connection =
                        DriverManager.getConnection(found.urlOf("postgres"), found.user(), found.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + database, e);
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    private static Server locate() {
        PostgresServer found = PostgresLookup.shared();
        return new Server(found.baseUrl(), found.user(), found.password());
    }
}
