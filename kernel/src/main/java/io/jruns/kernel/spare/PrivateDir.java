package io.jruns.kernel.spare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The spares' folder: whoever can put a socket there can be handed a notebook's connection file
 * and key, so it must be this user's alone (launch.py checks the same before connecting).
 */
final class PrivateDir {
    private PrivateDir() {
    }

    static void create(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another spare made it first: checked below like any other
            }
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> p = a.permissions();
        boolean others = p.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
        String me = System.getProperty("user.name");
        if (!a.isDirectory() || others || !a.owner().getName().equals(me)) {
            throw new IOException(dir + " is not a folder only " + me + " can use (" + PosixFilePermissions.toString(p) + ")");
        }
    }
}
