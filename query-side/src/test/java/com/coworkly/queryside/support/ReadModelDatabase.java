package com.coworkly.queryside.support;

import com.coworkly.devpostgres.lookup.PostgresLookup;
import com.coworkly.devpostgres.lookup.PostgresServer;
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
 * SQL. The server is the one dev-postgres' {@link PostgresLookup} finds, in the same order as the system tests':
 * named by {@code BOOKING_TEST_DB_URL}, else on localhost:5432, else a Testcontainers one, else a throwaway
 * embedded PostgreSQL 15. The database is dropped when the test is done.
 */
public final class ReadModelDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String name;
    private final String user;
    private final String password;
    private final JdbcTemplate jdbc;

    private final String url;

    private ReadModelDatabase(String targetVersion) {
        PostgresServer server = PostgresLookup.shared();
        serverUrl = server.baseUrl();
        user = server.user();
        password = server.password();
        name = "coworkly_qs_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        url = serverUrl + "/" + name;
        migrate(targetVersion);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url + "?currentSchema=query_side", user, password));
    }

    public static ReadModelDatabase fresh() {
        return new ReadModelDatabase("latest");
    }

    /** Migrated up to {@code version} only, for a test of what a later migration does to existing rows. */
    public static ReadModelDatabase upTo(String version) {
        return new ReadModelDatabase(version);
    }

    /** Runs the migrations not run yet. */
    public void migrateToLatest() {
        migrate("latest");
    }

    private void migrate(String targetVersion) {
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas("query_side")
                .defaultSchema("query_side")
                .target(targetVersion)
                .load()
                .migrate();
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
            throw new IllegalStateException("could not run '" + sql + "' on " + serverUrl, e);
        }
    }
}
