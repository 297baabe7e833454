package com.coworkly.devpostgres.lookup;

import com.coworkly.devpostgres.ProcessOwner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 of zonky's binaries in a temporary folder, on a free port, for tests that found no other server:
 * made from scratch, and deleted on {@link #close()}. Its durability is off (fsync), as nothing in it must survive.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then the binaries run as the {@code postgres} user (or
 * {@code nobody} where there is none) through {@code runuser}, in a folder handed to that user.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private final Path folder;
    private final Path bin;
    private final Path data;
    private final int port;
    private final List<String> asServerUser;

    private ThrowawayPostgres(Path folder, Path bin, int port, List<String> asServerUser) {
        this.folder = folder;
        this.bin = bin;
        this.data = folder.resolve("data");
        this.port = port;
        this.asServerUser = asServerUser;
    }

    public static ThrowawayPostgres start() {
        try {
            Path folder = Files.createTempDirectory("coworkly-throwaway-pg-");
            Path bin = PostgresBinaries.unpackInto(folder.resolve("binaries"));
            List<String> asServerUser = List.of();
            if (ProcessOwner.isRoot()) {
                String user = serverUser();
                run(List.of("chown", "-R", user, folder.toString()), folder);
                asServerUser = List.of("runuser", "-u", user, "--");
            }
            ThrowawayPostgres server = new ThrowawayPostgres(folder, bin, freePort(), asServerUser);
            server.initdbAndStart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a throwaway PostgreSQL", e);
        }
    }

    /** Without a database name: {@code jdbc:postgresql://localhost:PORT}; user postgres, no password. */
    public String baseUrl() {
        return "jdbc:postgresql://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            runAsServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            deleteFolder();
        }
    }

    private void initdbAndStart() {
        runAsServerUser(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-instructions");
        // -F: fsync off, as nothing here outlives the tests. TCP only, so no socket file in /tmp can clash.
        String options = "-p " + port + " -F -c listen_addresses=localhost -c unix_socket_directories=''"
                + " -c max_connections=200";
        runAsServerUser(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-o",
                options,
                // The server's own output goes to a file: on our pipe it would keep this JVM's read open forever.
                "-l",
                folder.resolve("server.log").toString(),
                "-w",
                "-t",
                "120",
                "start");
    }

    private void runAsServerUser(String... command) {
        List<String> full = new ArrayList<>(asServerUser);
        full.addAll(List.of(command));
        run(full, folder);
    }

    private static void run(List<String> command, Path folder) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** The user the server runs as when this JVM is root: postgres where the machine has it, else nobody. */
    private static String serverUser() {
        try {
            Process probe = new ProcessBuilder("id", "-u", "postgres")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? "postgres" : "nobody";
        } catch (IOException e) {
            return "nobody";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "nobody";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void deleteFolder() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + folder, e);
        }
    }
}
