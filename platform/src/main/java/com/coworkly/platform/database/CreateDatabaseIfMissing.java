package com.coworkly.platform.database;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the service's PostgreSQL database when it does not exist yet, before the connection pool and
 * Flyway start, so that a fresh machine needs no manual {@code createdb}. Both services may race to create
 * it; the loser finds it there. Switched off with {@code booking.database.create-if-missing=false}.
 */
public class CreateDatabaseIfMissing implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?");
    private static final String DUPLICATE_DATABASE = "42P04";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !environment.getProperty("booking.database.create-if-missing", Boolean.class, true)) {
            return;
        }
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            return;
        }
        String maintenanceUrl = "jdbc:postgresql://" + matcher.group(1) + "/postgres"
                + (matcher.group(3) == null ? "" : matcher.group(3));
        String database = matcher.group(2);
        try (Connection connection = DriverManager.getConnection(
                        maintenanceUrl,
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"));
                Statement statement = connection.createStatement()) {
            boolean exists = statement
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")
                    .next();
            if (!exists) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                // Not fatal here: the pool reports the real problem (server down, no rights) with its own message.
                System.err.println("Could not create database " + database + ": " + e.getMessage());
            }
        }
    }
}
