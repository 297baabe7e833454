package com.coworkly.systemtests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, made with the machine's {@code initdb} in a temporary directory, so that
 * a test can crash and restart it without touching the server the other tests share. Docker is not needed, but
 * PostgreSQL's server binaries are: those of the newest version under {@code /usr/lib/postgresql}, or the directory
 * named by {@code BOOKING_TEST_PG_BIN}. When the tests run as root (as CI does), the server runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class DisposablePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dataDirectory;
    private final int port = ServiceProcess.freePort();
    private final boolean asPostgresUser = "root".equals(System.getProperty("user.name"));

    private DisposablePostgres(Path bin, Path dataDirectory) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
    }

    /** A new, empty cluster, started. */
    public static DisposablePostgres start() {
        try {
            Path parent = Files.createTempDirectory("coworkly-pg-");
            DisposablePostgres server = new DisposablePostgres(serverBinaries(), parent.resolve("data"));
            if (server.asPostgresUser) {
                server.run(List.of("chown", "postgres", parent.toString()), false);
            }
            server.run(
                    List.of(
                            server.bin.resolve("initdb").toString(),
                            "-D",
                            server.dataDirectory.toString(),
                            "-U",
                            "postgres",
                            "--auth=trust",
                            "--encoding=UTF8",
                            "--no-instructions"),
                    true);
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not make a PostgreSQL cluster for the test", e);
        }
    }

    /**
     * A hot standby of this server on a port of its own: a base backup streamed from it (PostgreSQL's default
     * {@code pg_hba.conf} lets local replication connections in), started in recovery with read-only queries
     * allowed, replaying this server's write-ahead log as it comes. Closed like any other.
     */
    public DisposablePostgres hotStandby() {
        try {
            Path parent = Files.createTempDirectory("coworkly-pg-standby-");
            DisposablePostgres standby = new DisposablePostgres(bin, parent.resolve("data"));
            if (asPostgresUser) {
                run(List.of("chown", "postgres", parent.toString()), false);
            }
            run(
                    List.of(
                            bin.resolve("pg_basebackup").toString(),
                            "-D",
                            standby.dataDirectory.toString(),
                            "-R",
                            "-X",
                            "stream",
                            "--checkpoint=fast",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(port),
                            "-U",
                            "postgres"),
                    true);
            standby.startServer("-c hot_standby=on");
            return standby;
        } catch (IOException e) {
            throw new IllegalStateException("could not make a standby of the test's PostgreSQL cluster", e);
        }
    }

    public TestDatabase.Server server() {
        return new TestDatabase.Server("jdbc:postgresql://127.0.0.1:" + port, "postgres", "");
    }

    /**
     * A crash of the database server and its restart: every connection is cut at once, nothing is flushed, and
     * the server recovers from its write-ahead log when it starts again, as after a power cut.
     */
    public void crashAndRestart() {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDirectory.toString(),
                        "-m",
                        "immediate",
                        "-w",
                        "stop"),
                true);
        startServer();
    }

    @Override
    public void close() {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDirectory.toString(),
                        "-m",
                        "immediate",
                        "-w",
                        "stop"),
                true);
        try (Stream<Path> files = Files.walk(dataDirectory.getParent())) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("could not delete " + dataDirectory, e);
        }
    }

    private void startServer() {
        startServer("");
    }

    private void startServer(String moreOptions) {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='" + dataDirectory
                + "' -c max_connections=200 " + moreOptions;
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDirectory.toString(),
                        "-o",
                        options,
                        "-l",
                        dataDirectory.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "120",
                        "start"),
                true);
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", full), e);
        }
    }

    private static Path serverBinaries() throws IOException {
        String configured = System.getenv("BOOKING_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                Path newest = installed
                        .filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                        .max(Comparator.comparing(version ->
                                Integer.parseInt(version.getFileName().toString())))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("""
                This test runs a PostgreSQL server of its own, and found no server binaries: install PostgreSQL's
                server (Debian: postgresql-15), or set BOOKING_TEST_PG_BIN to the directory holding initdb and pg_ctl.""");
    }
}
