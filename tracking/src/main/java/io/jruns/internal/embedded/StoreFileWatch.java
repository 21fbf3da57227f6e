package io.jruns.internal.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database file as it was opened (its device and inode). Says once, on stderr, when it was
 * removed or replaced since (a folder deleted under a running notebook): SQLite writes on into
 * the removed file, which no one else can open, and every flush seems to succeed. A warning, not
 * an error: a test suite that removes its temporary store before closing it must not fail for it.
 */
final class StoreFileWatch {
    private final Path file;
    /** Null where the filesystem gives no identity: then nothing is said. */
    private final Object opened;
    private final AtomicBoolean told = new AtomicBoolean();

    StoreFileWatch(Path file) {
        this.file = file;
        this.opened = key(file);
    }

    void warnIfRemoved() {
        if (opened == null || opened.equals(key(file)) || !told.compareAndSet(false, true)) return;
        System.err.println("jruns: warning: the store at " + file + " was removed or replaced while this process logs to it;"
                + " what it logs from now on reaches no store (restart to log to a new one)");
    }

    private static Object key(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
