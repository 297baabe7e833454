package com.coworkly.systemtests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL as production runs it: a primary with a synchronous standby, and pg_auto_failover's monitor, which
 * promotes the standby when the primary is lost. The monitor and both nodes are local clusters in a temporary
 * directory, on free ports, run by {@code pg_autoctl} as the {@code postgres} user (PostgreSQL refuses root). The
 * failover is the tool's: the test only kills a node. Needs Debian's {@code postgresql-15-auto-failover} and
 * {@code pg-auto-failover-cli} (.ci/run installs them). docs/operations.md describes the same set-up.
 */
public final class AutoFailoverCluster implements AutoCloseable {

    public static final String DATABASE = "booking";

    private static final Path PG_AUTOCTL = Path.of("/usr/bin/pg_autoctl");
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path EXTENSION = Path.of("/usr/share/postgresql/15/extension/pgautofailover.control");
    /** Small enough for a small machine running both services twice beside three clusters. */
    private static final String SERVER_SETTINGS = """
            shared_buffers = 128MB
            effective_cache_size = 1GB
            max_connections = 200
            """;
    /**
     * The monitor's health checks, from their defaults (a check every 5 s, 20 s before a node counts as unhealthy,
     * 30 s before a primary is demoted) down to about a second each, so that a failover takes seconds, not half a
     * minute. Production keeps the defaults or tunes them to its network (docs/operations.md).
     */
    private static final Map<String, String> FAST_HEALTH_CHECKS = Map.of(
            "health_check_period", "1000",
            "health_check_timeout", "1000",
            "health_check_max_retries", "1",
            "health_check_retry_delay", "500",
            "node_considered_unhealthy_timeout", "3000",
            "primary_demote_timeout", "3000",
            "startup_grace_period", "2000");

    private final Path directory;
    private final Node monitor = new Node("monitor", ServiceProcess.freePort());
    private final List<Node> nodes =
            List.of(new Node("node1", ServiceProcess.freePort()), new Node("node2", ServiceProcess.freePort()));
    private final List<Process> keepers = new ArrayList<>();
    private final boolean asPostgresUser = "root".equals(System.getProperty("user.name"));

    record Node(String name, int port) {}

    private AutoFailoverCluster(Path directory) {
        this.directory = directory;
    }

    /** The monitor, node1 as the primary and node2 as its synchronous standby, streaming. */
    public static AutoFailoverCluster start() {
        if (!Files.isExecutable(PG_AUTOCTL) || !Files.isExecutable(BIN.resolve("pg_ctl")) || !Files.exists(EXTENSION)) {
            throw new IllegalStateException("""
                    This test runs PostgreSQL with pg_auto_failover and found no %s, or no PostgreSQL 15 in %s, or
                    no pg_auto_failover extension for it.
                    Install it from Debian's archive, as .ci/run does:
                      apt-get install -y postgresql-15-auto-failover pg-auto-failover-cli""".formatted(PG_AUTOCTL, BIN));
        }
        AutoFailoverCluster cluster;
        try {
            cluster = new AutoFailoverCluster(Files.createTempDirectory("coworkly-failover-"));
            for (String sub : List.of("config", "data", "runtime", "sock")) {
                Files.createDirectories(cluster.directory.resolve(sub));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not make a directory for the failover cluster", e);
        }
        try {
            if (cluster.asPostgresUser) {
                cluster.run(List.of("chown", "-R", "postgres", cluster.directory.toString()), false);
            }
            cluster.startMonitor();
            cluster.startNode(cluster.nodes.get(0));
            cluster.awaitStates("node1=single");
            // A checkpoint now, or the standby's base backup waits for the next one (up to checkpoint_timeout).
            cluster.execute(cluster.nodes.get(0), "postgres", "CHECKPOINT");
            cluster.startNode(cluster.nodes.get(1));
            cluster.awaitStates("node1=primary", "node2=secondary");
            await("node2 streaming as node1's synchronous standby")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.query(
                                    cluster.nodes.get(0),
                                    "postgres",
                                    "SELECT count(*) FROM pg_stat_replication "
                                            + "WHERE state = 'streaming' AND sync_state IN ('sync', 'quorum')")
                            .equals("1"));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * For the services: every node, and the driver picks the one that is {@code targetServerType} ({@code primary}
     * for writes), rechecking a node's role every 2 s; a node that does not answer is given up on after 2 s.
     */
    public String jdbcUrl(String targetServerType) {
        return server().baseUrl() + "/" + DATABASE + "?targetServerType=" + targetServerType
                + "&hostRecheckSeconds=2&connectTimeout=2";
    }

    /** Both nodes, as one server; its user is {@code postgres}, trusted on the loopback. */
    public TestDatabase.Server server() {
        return new TestDatabase.Server(
                "jdbc:postgresql://127.0.0.1:" + nodes.get(0).port() + ",127.0.0.1:"
                        + nodes.get(1).port(),
                "postgres",
                "");
    }

    /** The port of the node the monitor knows as the primary now. */
    public int primaryPort() {
        // the goal state: a node that died keeps reporting what it last was
        String name = query(
                monitor,
                "pg_auto_failover",
                "SELECT nodename FROM pgautofailover.node "
                        + "WHERE goalstate IN ('primary', 'wait_primary', 'single') ORDER BY nodeid LIMIT 1");
        return nodes.stream()
                .filter(node -> node.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no primary: " + states()))
                .port();
    }

    /**
     * The primary's machine dying: its {@code pg_autoctl} keeper, the postmaster it supervises and every backend are
     * stopped (SIGSTOP) and then killed (SIGKILL), so that no connection gets another word from the node: killed one
     * after another, a backend would notice its postmaster's death in between and end its connection with a FATAL.
     * The backends must be named one by one: PostgreSQL puts each child of the postmaster in a session of its own,
     * outside the keeper's process group.
     * Killing the postmaster alone is not a failover: the keeper restarts it in place within a second or two, before
     * the monitor counts the node as unhealthy (docs/reliability.md).
     *
     * @return when the kill was sent
     */
    public Instant killPrimaryNode() {
        Node primary = nodeOn(primaryPort());
        Path keeperPid = directory
                .resolve("runtime/pg_autoctl")
                .resolve(directory.resolve(primary.name()).toString().substring(1))
                .resolve("pg_autoctl.pid");
        Path postmasterPid = directory.resolve(primary.name()).resolve("postmaster.pid");
        List<String> processes = new ArrayList<>();
        try {
            // the keeper was started with setsid: its process group holds it and the postmaster
            processes.add("-" + Files.readAllLines(keeperPid).get(0).trim());
            long postmaster =
                    Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            ProcessHandle.of(postmaster)
                    .ifPresent(handle ->
                            handle.descendants().forEach(backend -> processes.add(Long.toString(backend.pid()))));
        } catch (IOException e) {
            throw new IllegalStateException("could not read the process ids of " + primary.name(), e);
        }
        Instant killed = Instant.now();
        // a backend that ended between the listing and the kill makes kill complain; the others are killed still
        for (String signal : List.of("-STOP", "-KILL")) {
            List<String> kill = new ArrayList<>(List.of("kill", signal, "--"));
            kill.addAll(processes);
            attempt(kill);
        }
        return killed;
    }

    /**
     * Waits until the monitor has promoted the other node and it takes writes: promoted is not yet writable, as
     * the new primary leaves recovery a moment after the monitor's state says so.
     *
     * @return when the new primary was first seen writable
     */
    public Instant awaitFailover(int formerPrimaryPort, Duration atMost) {
        Node standby = nodes.stream()
                .filter(node -> node.port() != formerPrimaryPort)
                .findFirst()
                .orElseThrow();
        await("the monitor promotes " + standby.name() + " and it takes writes")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() ->
                        query(standby, "postgres", "SHOW transaction_read_only").equals("off"));
        return Instant.now();
    }

    /** Each node's state as the monitor has it, e.g. {@code node1=primary/primary, node2=secondary/secondary}. */
    public String states() {
        return query(
                monitor,
                "pg_auto_failover",
                "SELECT string_agg(nodename || '=' || reportedstate || '/' || goalstate, ', ' ORDER BY nodename) "
                        + "FROM pgautofailover.node");
    }

    @Override
    public void close() {
        List<Node> all = new ArrayList<>(nodes);
        all.add(monitor);
        for (Node node : all) {
            if (Files.isDirectory(directory.resolve(node.name()))) {
                // a node killed before has a stale pid file: pg_autoctl says so and exits non-zero, which is fine
                attempt(asServerUser(autoctl("stop", "--fast", "--pgdata", pgdata(node))));
            }
        }
        for (Process keeper : keepers) {
            try {
                if (!keeper.waitFor(20, TimeUnit.SECONDS)) {
                    keeper.descendants().forEach(ProcessHandle::destroyForcibly);
                    keeper.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("could not delete " + directory, e);
        }
    }

    private void startMonitor() {
        run(
                autoctl(
                        "create",
                        "monitor",
                        "--pgdata",
                        pgdata(monitor),
                        "--pgport",
                        Integer.toString(monitor.port()),
                        "--pgctl",
                        BIN.resolve("pg_ctl").toString(),
                        "--hostname",
                        "127.0.0.1",
                        "--auth",
                        "trust",
                        "--no-ssl"),
                true);
        run(autoctl("config", "set", "--pgdata", pgdata(monitor), "postgresql.listen_addresses", "127.0.0.1"), true);
        appendSettings(monitor);
        keepers.add(background(monitor, autoctl("run", "--pgdata", pgdata(monitor))));
        await("the pg_auto_failover monitor accepting connections")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> query(monitor, "pg_auto_failover", "SELECT 1").equals("1"));
        FAST_HEALTH_CHECKS.forEach((setting, value) ->
                execute(monitor, "pg_auto_failover", "ALTER SYSTEM SET pgautofailover." + setting + " = " + value));
        execute(monitor, "pg_auto_failover", "SELECT pg_reload_conf()");
    }

    /**
     * The first node's cluster is made here, so that its settings are in place before pg_autoctl starts it; the
     * second is a base backup of the first, settings included.
     */
    private void startNode(Node node) {
        if (node == nodes.get(0)) {
            run(
                    List.of(
                            BIN.resolve("initdb").toString(),
                            "-D",
                            pgdata(node),
                            "-U",
                            "postgres",
                            "--auth=trust",
                            "--encoding=UTF8",
                            "--no-instructions"),
                    true);
            appendSettings(node);
        }
        keepers.add(background(
                node,
                autoctl(
                        "create",
                        "postgres",
                        "--pgdata",
                        pgdata(node),
                        "--pgport",
                        Integer.toString(node.port()),
                        "--name",
                        node.name(),
                        "--pgctl",
                        BIN.resolve("pg_ctl").toString(),
                        "--hostname",
                        "127.0.0.1",
                        "--listen",
                        "127.0.0.1",
                        "--dbname",
                        DATABASE,
                        "--monitor",
                        "postgres://autoctl_node@127.0.0.1:" + monitor.port() + "/pg_auto_failover?sslmode=disable",
                        "--auth",
                        "trust",
                        "--no-ssl",
                        "--run")));
    }

    private void awaitStates(String... wanted) {
        await("pg_auto_failover: " + String.join(", ", wanted))
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    String states = states();
                    return Stream.of(wanted).allMatch(state -> states.contains(state.replaceFirst("=(.*)", "=$1/$1")));
                });
    }

    /** The test's settings, after initdb's and pg_autoctl's, so that they win. */
    private void appendSettings(Node node) {
        String settings = SERVER_SETTINGS + "unix_socket_directories = '" + directory.resolve("sock") + "'\n";
        try {
            // appended to a file the postgres user owns, so it keeps its owner
            Files.writeString(
                    directory.resolve(node.name()).resolve("postgresql.auto.conf"),
                    settings,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the settings of " + node.name(), e);
        }
    }

    private Node nodeOn(int port) {
        return nodes.stream().filter(node -> node.port() == port).findFirst().orElseThrow();
    }

    private String pgdata(Node node) {
        return directory.resolve(node.name()).toString();
    }

    private String query(Node node, String database, String sql) {
        try (Connection connection = connect(node, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(node.name() + ": " + sql, e);
        }
    }

    private void execute(Node node, String database, String sql) {
        try (Connection connection = connect(node, database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(node.name() + ": " + sql, e);
        }
    }

    private static Connection connect(Node node, String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + node.port() + "/" + database + "?connectTimeout=2&socketTimeout=10",
                "postgres",
                "");
    }

    /** {@code pg_autoctl} with the environment it finds its configuration and state by, all in this directory. */
    private List<String> autoctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                "env",
                "XDG_CONFIG_HOME=" + directory.resolve("config"),
                "XDG_DATA_HOME=" + directory.resolve("data"),
                "XDG_RUNTIME_DIR=" + directory.resolve("runtime"),
                "HOME=" + directory,
                "PGHOST=127.0.0.1",
                "PATH=" + BIN + ":/usr/bin:/bin",
                PG_AUTOCTL.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** A long-running pg_autoctl, in a session of its own so that killing its process group kills the node. */
    private Process background(Node node, List<String> command) {
        List<String> full = new ArrayList<>(asServerUser(List.of()));
        full.add("setsid");
        full.addAll(command);
        try {
            return new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve(node.name() + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", full), e);
        }
    }

    private void run(List<String> command, boolean asServerUser) {
        if (!attempt(asServerUser ? asServerUser(command) : command)) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed; see " + directory.resolve("commands.log"));
        }
    }

    private boolean attempt(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private List<String> asServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return full;
    }
}
