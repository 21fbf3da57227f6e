package io.jruns.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * install/setup-jupyter and install/setup-browser wait for another apt instead of failing with
 * "Could not get lock". Run against a fake apt-get (and sudo) first on PATH that records its
 * arguments and says the lists lock is held on the first update; nothing is installed.
 */
class SetupScriptsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir
    Path tmp;

    /** The fake apt-get: records each call; the first update finds the lists lock held, as when another apt runs. */
    private Path fakes(String updateFailure) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("apt-get"), """
                #!/usr/bin/env bash
                echo "$*" >> "$FAKE_APT_LOG"
                if [[ " $* " == *" update "* && ! -e "$FAKE_APT_LOG.updated" ]]; then
                  touch "$FAKE_APT_LOG.updated"
                  echo '%s' >&2
                  exit 100
                fi
                exit 0
                """.formatted(updateFailure));
        script(bin.resolve("sudo"), "#!/usr/bin/env bash\nexec \"$@\"\n");
        script(bin.resolve("chromium"), "#!/usr/bin/env bash\nexit 1\n"); // "missing": setup-browser installs it
        return bin;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Processes.Result run(String script, Path bin) {
        // PYTHONHOME pointing nowhere makes setup-jupyter's "is Jupyter there?" check fail, so it installs.
        return new Processes(tmp.resolve("jruns-home")).run(tmp, 120, Map.of(
                        "PATH", bin + ":" + System.getenv("PATH"), "PYTHONHOME", tmp.resolve("no-python").toString(),
                        "FAKE_APT_LOG", tmp.resolve("apt.log").toString()),
                ROOT.resolve("install").resolve(script).toString());
    }

    @Test
    void bothScriptsWaitForTheAptLocksAndAskAptToWaitForDpkgsLock() throws Exception {
        for (String script : List.of("setup-jupyter", "setup-browser")) {
            Files.deleteIfExists(tmp.resolve("apt.log"));
            Files.deleteIfExists(tmp.resolve("apt.log.updated"));
            Path bin = fakes("E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)");
            Processes.Result r = run(script, bin);
            assertEquals(0, r.code(), script + ": " + r);
            assertTrue(r.err().contains("another apt is running; waiting"), script + ": " + r);
            List<String> calls = Files.readAllLines(tmp.resolve("apt.log"));
            assertEquals(3, calls.size(), script + ": update (lock held), update again, install: " + calls);
            assertTrue(calls.get(0).contains("update") && calls.get(1).contains("update"), calls.toString());
            assertTrue(calls.get(2).contains("install"), calls.toString());
            for (String call : calls) assertTrue(call.startsWith("-o DPkg::Lock::Timeout=600 "), script + ": " + call);
        }
    }

    @Test
    void anotherAptFailureIsShownAndNotRetried() throws Exception {
        Path bin = fakes("E: The repository 'http://deb.example.org bookworm Release' does not have a Release file.");
        Processes.Result r = run("setup-jupyter", bin);
        assertNotEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("does not have a Release file"), r.toString());
        assertEquals(1, Files.readAllLines(tmp.resolve("apt.log")).size(), "no retry");
    }
}
