package com.coworkly.queryside.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database with the query side's schema migrated by its own Flyway scripts, for tests of read-model
 * SQL. The server is the one named by {@code BOOKING_TEST_DB_URL}, else the one on localhost:5432; without
 * either the tests fail and say how to get one. The database is dropped when the test is done.
 */
public final class ReadModelDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String name;
    private final String user = env("BOOKING_TEST_DB_USER", "postgres");
    private final String password = env("BOOKING_TEST_DB_PASSWORD", "");
    private final JdbcTemplate jdbc;

    private ReadModelDatabase() {
        String configured = System.getenv("BOOKING_TEST_DB_URL");
        serverUrl = configured == null || configured.isBlank()
                ? "jdbc:postgresql://localhost:5432"
                : configured.substring(0, configured.lastIndexOf('/'));
        name = "coworkly_qs_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        String url = serverUrl + "/" + name;
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas("query_side")
                .defaultSchema("query_side")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url + "?currentSchema=query_side", user, password));
    }

    public static ReadModelDatabase fresh() {
        return new ReadModelDatabase();
    }

    /** Connected with the query side's schema first on the search path, as the service connects. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "/postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    These tests need a PostgreSQL server (15 or later) and could not use one: %s
                    Run PostgreSQL on localhost:5432 with user postgres, or set BOOKING_TEST_DB_URL
                    (e.g. jdbc:postgresql://db-host:5432/postgres) and, if needed, BOOKING_TEST_DB_USER and
                    BOOKING_TEST_DB_PASSWORD.""".formatted(e.getMessage()), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
