package com.coworkly.devpostgres.lookup;

import com.coworkly.devpostgres.lookup.PostgresServer.FoundBy;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Finds the PostgreSQL server the tests use, in the README's order: the one named by {@code BOOKING_TEST_DB_URL},
 * else one on localhost:5432, else a Testcontainers one when Docker runs, else a {@link ThrowawayPostgres} of
 * this JVM's own. The last step needs nothing but this jar, so a lookup never fails for want of a server.
 */
public final class PostgresLookup {

    private static PostgresServer shared;

    private final UnaryOperator<String> environment;
    private final int localPort;
    private final BooleanSupplier dockerAvailable;

    PostgresLookup(UnaryOperator<String> environment, int localPort, BooleanSupplier dockerAvailable) {
        this.environment = environment;
        this.localPort = localPort;
        this.dockerAvailable = dockerAvailable;
    }

    /** The server of this JVM's tests, looked up once; a throwaway or container one lives as long as the JVM. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = new PostgresLookup(System::getenv, 5432, PostgresLookup::dockerRuns).find();
            System.out.println("Tests use PostgreSQL at " + shared.baseUrl() + " (found by step " + shared.foundBy()
                    + " of PostgresLookup)");
        }
        return shared;
    }

    PostgresServer find() {
        String user = env("BOOKING_TEST_DB_USER", "postgres");
        String password = env("BOOKING_TEST_DB_PASSWORD", "");
        String named = environment.apply("BOOKING_TEST_DB_URL");
        if (named != null && !named.isBlank()) {
            return new PostgresServer(named.substring(0, named.lastIndexOf('/')), user, password, FoundBy.NAMED);
        }
        PostgresServer local =
                new PostgresServer("jdbc:postgresql://localhost:" + localPort, user, password, FoundBy.LOCALHOST);
        if (answers(local)) {
            return local;
        }
        if (dockerAvailable.getAsBoolean()) {
            return container();
        }
        return throwaway();
    }

    private static PostgresServer container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15");
        container.start();
        String url = container.getJdbcUrl();
        return new PostgresServer(
                url.substring(0, url.lastIndexOf('/')),
                container.getUsername(),
                container.getPassword(),
                FoundBy.TESTCONTAINERS);
    }

    private static PostgresServer throwaway() {
        ThrowawayPostgres server = ThrowawayPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "throwaway-postgres-stop"));
        return new PostgresServer(server.baseUrl(), "postgres", "", FoundBy.THROWAWAY);
    }

    private static boolean answers(PostgresServer candidate) {
        try (Connection ignored =
                DriverManager.getConnection(candidate.urlOf("postgres"), candidate.user(), candidate.password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean dockerRuns() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private String env(String name, String fallback) {
        String value = environment.apply(name);
        return value == null ? fallback : value;
    }
}
