package com.coworkly.systemtests.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Both services on their own fresh database, started from their jars with the demo network seeded, as the
 * README's run command starts them.
 */
public final class RunningSystem implements AutoCloseable {

    private final TestDatabase.Server server;
    private final String databaseUrl;
    private final ServiceProcess commandSide;
    private final ServiceProcess querySide;
    private final Map<String, String> commonEnvironment;
    private ServiceProcess secondCommandSide;
    private ServiceProcess secondQuerySide;
    private final Map<String, String> querySideEnvironment;
    private boolean ownsDatabase = true;

    private final StripeStandIn stripe = new StripeStandIn();

    private RunningSystem(
            TestDatabase.Server server,
            String databaseUrl,
            Map<String, String> commandSideSettings,
            Map<String, String> querySideSettings) {
        this.server = server;
        this.databaseUrl = databaseUrl;
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        String issuer = "http://localhost:" + commandPort;
        Map<String, String> common = Map.of(
                "BOOKING_DB_URL",
                databaseUrl,
                "BOOKING_DB_USER",
                server.user(),
                "BOOKING_DB_PASSWORD",
                server.password(),
                "BOOKING_DB_POOL",
                "8",
                "BOOKING_ISSUER",
                issuer);
        this.commonEnvironment = with(with(common, stripe.environment()), commandSideSettings);
        this.commandSide = new ServiceProcess(
                "command-side",
                jar("commandSide.jar"),
                commandPort,
                with(
                        with(with(common, stripe.environment()), commandSideSettings),
                        Map.of("COMMAND_SIDE_PORT", Integer.toString(commandPort), "BOOKING_DEMO", "true")));
        this.querySideEnvironment =
                with(with(common, Map.of("BOOKING_JWKS_URI", issuer + "/.well-known/jwks.json")), querySideSettings);
        this.querySide = new ServiceProcess(
                "query-side",
                jar("querySide.jar"),
                queryPort,
                with(querySideEnvironment, Map.of("QUERY_SIDE_PORT", Integer.toString(queryPort))));
    }

    public static RunningSystem start() {
        return start(Map.of());
    }

    /** With settings of the command side's environment, e.g. a short payment hold. */
    public static RunningSystem start(Map<String, String> commandSideSettings) {
        return start(commandSideSettings, Map.of());
    }

    /** With settings of each side's environment, e.g. the query side's SMTP server. */
    public static RunningSystem start(Map<String, String> commandSideSettings, Map<String, String> querySideSettings) {
        return startOn(TestDatabase.server(), commandSideSettings, querySideSettings);
    }

    /** On a fresh database of the given server, e.g. one the test crashes ({@link DisposablePostgres}). */
    public static RunningSystem startOn(
            TestDatabase.Server server,
            Map<String, String> commandSideSettings,
            Map<String, String> querySideSettings) {
        RunningSystem system = new RunningSystem(
                server, TestDatabase.freshDatabaseUrl(server), commandSideSettings, querySideSettings);
        return started(system);
    }

    /**
     * On a fresh database of the given server, with query-side settings that name that database, e.g. a read pool
     * on a standby of the server: {@code querySideSettingsFor} gets the database's name.
     */
    public static RunningSystem startOn(
            TestDatabase.Server server,
            Map<String, String> commandSideSettings,
            Function<String, Map<String, String>> querySideSettingsFor) {
        String databaseUrl = TestDatabase.freshDatabaseUrl(server);
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        RunningSystem system =
                new RunningSystem(server, databaseUrl, commandSideSettings, querySideSettingsFor.apply(database));
        return started(system);
    }

    /**
     * On a database the caller made and removes, named by any JDBC URL the services take: e.g. a failover
     * cluster's multi-host URL ({@link AutoFailoverCluster#jdbcUrl}).
     */
    public static RunningSystem startOnDatabase(
            TestDatabase.Server server,
            String databaseUrl,
            Map<String, String> commandSideSettings,
            Map<String, String> querySideSettings) {
        RunningSystem system = new RunningSystem(server, databaseUrl, commandSideSettings, querySideSettings);
        system.ownsDatabase = false;
        return started(system);
    }

    /** Starts both services; a service that did not come up stops the other, so that no JVM outlives the test. */
    private static RunningSystem started(RunningSystem system) {
        try {
            system.startServices();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    public StripeStandIn stripe() {
        return stripe;
    }

    /** Kills the (first) command side (SIGKILL), as a crash would: nothing is released or cleaned up. */
    public void killCommandSide() {
        commandSide.kill();
    }

    /** Starts the (first) command side again after {@link #killCommandSide()}, on the same port and database. */
    public void startCommandSide() {
        commandSide.start();
        commandSide.awaitHealthy();
    }

    /** Kills the (first) query side (SIGKILL): its segment claims stay until they time out. */
    public void killQuerySide() {
        querySide.kill();
    }

    /** Stops the command side gracefully and starts it again on the same port and database. */
    public void restartCommandSide() {
        commandSide.stop();
        commandSide.start();
        commandSide.awaitHealthy();
    }

    /** Stops the query side gracefully; the command side keeps running. */
    public void stopQuerySide() {
        querySide.stop();
    }

    /** Starts the query side again on the same port and database. */
    public void startQuerySide() {
        querySide.start();
        querySide.awaitHealthy();
    }

    public void restartQuerySide() {
        stopQuerySide();
        startQuerySide();
    }

    /** What the query side has logged so far, across its restarts. */
    public String querySideLog() {
        return logOf(querySide);
    }

    /** What the (first) command side has logged so far, across its restarts. */
    public String commandSideLog() {
        return logOf(commandSide);
    }

    private static String logOf(ServiceProcess service) {
        try {
            return java.nio.file.Files.readString(service.logFile().toPath());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Api api() {
        return new Api(commandSide.baseUrl(), querySide.baseUrl());
    }

    /**
     * The same API with commands sent to a second command-side instance on another port, sharing the database,
     * as two instances behind a load balancer would. Started on first use and stopped with the system.
     */
    public synchronized Api apiOnSecondCommandSide() {
        if (secondCommandSide == null) {
            int port = ServiceProcess.freePort();
            secondCommandSide = new ServiceProcess(
                    "command-side-2",
                    jar("commandSide.jar"),
                    port,
                    with(commonEnvironment, Map.of("COMMAND_SIDE_PORT", Integer.toString(port))));
            secondCommandSide.start();
            secondCommandSide.awaitHealthy();
        }
        return new Api(secondCommandSide.baseUrl(), querySide.baseUrl());
    }

    /**
     * The same API with queries sent to a second query-side instance on another port, sharing the database and
     * the processors' segments with the first. Started on first use and stopped with the system.
     */
    public synchronized Api apiOnSecondQuerySide() {
        if (secondQuerySide == null) {
            int port = ServiceProcess.freePort();
            secondQuerySide = new ServiceProcess(
                    "query-side-2",
                    jar("querySide.jar"),
                    port,
                    with(querySideEnvironment, Map.of("QUERY_SIDE_PORT", Integer.toString(port))));
            secondQuerySide.start();
            secondQuerySide.awaitHealthy();
        }
        return new Api(commandSide.baseUrl(), secondQuerySide.baseUrl());
    }

    /**
     * The process id of the first query side. Axon's JDBC token store names an instance's claims after its JVM
     * ({@code pid@host} in {@code token_entry.owner}), so this tells whose a claim is.
     */
    public long querySidePid() {
        return querySide.pid();
    }

    /** The process id of the second query side; start it first. */
    public long secondQuerySidePid() {
        return secondQuerySide.pid();
    }

    /** Kills the second query side (SIGKILL), as a crash would: its claims stay until they time out. */
    public void killSecondQuerySide() {
        secondQuerySide.kill();
    }

    public EventStore eventStore() {
        return new EventStore(databaseUrl, server);
    }

    /** Stops both services gracefully and starts them again on the same ports and database. */
    public void restart() {
        querySide.stop();
        commandSide.stop();
        startServices();
    }

    private void startServices() {
        commandSide.start();
        querySide.start();
        commandSide.awaitHealthy();
        querySide.awaitHealthy();
    }

    @Override
    public void close() {
        if (secondCommandSide != null) {
            secondCommandSide.stop();
        }
        if (secondQuerySide != null) {
            secondQuerySide.stop();
        }
        querySide.stop();
        commandSide.stop();
        stripe.close();
        if (ownsDatabase && !Boolean.getBoolean("services.keepDatabases")) {
            TestDatabase.drop(server, databaseUrl);
        }
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException(
                    "system property " + property + " is not set: run through Maven (failsafe)");
        }
        return Path.of(path);
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(common);
        all.putAll(own);
        return all;
    }
}
