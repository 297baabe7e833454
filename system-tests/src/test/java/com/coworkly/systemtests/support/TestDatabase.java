package com.coworkly.systemtests.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Finds the PostgreSQL server the tests use, as the README says: the one named by
 * {@code BOOKING_TEST_DB_URL}, else a server on localhost:5432, else a Testcontainers one when Docker is
 * present, else the tests fail with a message that says how to get one. Each caller gets a fresh database on
 * that server, so test runs never see each other's events.
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
        String configured = System.getenv("BOOKING_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            String base = configured.substring(0, configured.lastIndexOf('/'));
            return new Server(base, env("BOOKING_TEST_DB_USER", "postgres"), env("BOOKING_TEST_DB_PASSWORD", ""));
        }
        Server local = new Server(
                "jdbc:postgresql://localhost:5432",
                env("BOOKING_TEST_DB_USER", "postgres"),
                env("BOOKING_TEST_DB_PASSWORD", ""));
        if (reachable(local)) {
            return local;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15");
            container.start();
            String url = container.getJdbcUrl();
            return new Server(url.substring(0, url.lastIndexOf('/')), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("""
                The tests need a PostgreSQL server and found none. Either
                  - set BOOKING_TEST_DB_URL (e.g. jdbc:postgresql://db-host:5432/postgres) and, if needed,
                    BOOKING_TEST_DB_USER / BOOKING_TEST_DB_PASSWORD, or
                  - run PostgreSQL on localhost:5432 with user postgres, or
                  - start Docker so that Testcontainers can run one.""");
    }

    private static boolean reachable(Server candidate) {
        try (Connection ignored =
                DriverManager.getConnection(candidate.urlOf("postgres"), candidate.user(), candidate.password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
