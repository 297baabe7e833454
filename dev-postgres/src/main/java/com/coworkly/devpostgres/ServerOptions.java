package com.coworkly.devpostgres;

import java.nio.file.Path;

/**
 * What {@link EmbeddedPostgresServer} is told on its command line. The directories are relative to where it starts,
 * which bin/run makes the repository's root, so the data lands in run/postgres-data beside the services' logs.
 */
record ServerOptions(int port, Path dataDirectory, Path binariesDirectory, boolean stopWithParent) {

    static final String USAGE = """
            usage: java -jar dev-postgres-exec.jar [--port N] [--data DIR] [--binaries DIR] [--stop-with-parent]
              --port N             the port to listen on (default 5432)
              --data DIR           the data directory, kept between starts (default run/postgres-data)
              --binaries DIR       where PostgreSQL's binaries are unpacked (default run/postgres-binaries)
              --stop-with-parent   stop when the process that started this one ends""";

    static ServerOptions parse(String... args) {
        int port = 5432;
        Path data = Path.of("run", "postgres-data");
        Path binaries = Path.of("run", "postgres-binaries");
        boolean stopWithParent = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(valueOf(args, ++i));
                case "--data" -> data = Path.of(valueOf(args, ++i));
                case "--binaries" -> binaries = Path.of(valueOf(args, ++i));
                case "--stop-with-parent" -> stopWithParent = true;
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
            }
        }
        return new ServerOptions(port, data, binaries, stopWithParent);
    }

    private static String valueOf(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
