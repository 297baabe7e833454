package com.coworkly.devpostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this JVM runs as, for PostgreSQL's rule that its server never runs as root. */
public final class ProcessOwner {

    private ProcessOwner() {}

    /** {@code /proc/self} belongs to the process's effective user, so its owner is that user's id. */
    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
