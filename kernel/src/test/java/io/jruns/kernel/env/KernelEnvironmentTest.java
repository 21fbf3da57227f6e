package io.jruns.kernel.env;

import io.jruns.kernel.home.KernelVersion;
import io.jruns.kernel.classpath.ClasspathLedger;
import io.jruns.reproduce.Library;
import io.jruns.reproduce.RunEnvironment;
import io.jruns.source.FileDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The kernel's environment from its class path ledger and its kernelspec. */
class KernelEnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void librariesAreTheMavenCoordinatesThenTheJarsWithTheirHashes() throws Exception {
        ClasspathLedger ledger = new ClasspathLedger();
        Path a = Files.writeString(dir.resolve("a.jar"), "jar a");
        Path resolved = Files.writeString(dir.resolve("lib-1.0.jar"), "from maven");
        ledger.add("%maven org.example:lib:1.0", List.of(resolved), p -> { });
        ledger.recordMaven("org.example:lib:1.0");
        ledger.add("%jars *.jar", List.of(a), p -> { });
        KernelEnvironment env = new KernelEnvironment(ledger, Map.of(), dir);
        assertEquals(List.of(Library.maven("org.example:lib:1.0"), Library.jar(a.toString(), FileDigest.sha256(a), "%jars *.jar")),
                env.libraries());

        Files.writeString(a, "jar a, rebuilt");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        String after = env.libraries().get(1).sha256();
        assertEquals(FileDigest.sha256(a), after, "a jar that changed is hashed again");
        Files.delete(a);
        assertEquals(1, env.libraries().size(), "a jar that is gone is not a library any more");
    }

    @Test
    void theKernelIsNamedByItsKernelspec() throws Exception {
        KernelEnvironment plain = new KernelEnvironment(new ClasspathLedger(), Map.of(), dir);
        assertEquals(new RunEnvironment.Kernel("jruns", KernelVersion.get(), null), plain.kernel());
        Files.writeString(dir.resolve("kernel.json"), "{}");
        KernelEnvironment named = new KernelEnvironment(new ClasspathLedger(), Map.of("JRUNS_KERNELSPEC", "jruns-gpu"), dir);
        assertEquals(new RunEnvironment.Kernel("jruns-gpu", KernelVersion.get(), dir.toString()), named.kernel());
        RunEnvironment captured = named.capture();
        assertEquals("jruns-gpu", captured.kernel().name());
        assertNotEquals(0, captured.machine().cpus());
    }
}
