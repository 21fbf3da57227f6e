package io.jruns.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HugePagesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "always [madvise] never   | true",
            "[always] madvise never   | false",
            "always madvise [never]   | false",
            "[always] never           | false",
            "''                       | false"})
    void asksForHugePagesOnlyInMadviseMode(String mode, boolean expected) throws Exception {
        Path file = Files.writeString(dir.resolve("enabled"), mode + "\n");
        assertEquals(expected ? Optional.of("-XX:+UseTransparentHugePages") : Optional.empty(), HugePages.option(file));
    }

    @Test
    void noModeFileMeansNoOption() {
        assertEquals(Optional.empty(), HugePages.option(dir.resolve("missing")));
    }

    @Test
    void theBuilderFollowsThisMachine() {
        boolean madvise = HugePages.option(HugePages.MODE_FILE).isPresent();
        var options = KernelSpec.builder().kernelHome(dir).build().jvmOptions();
        assertEquals(madvise, options.contains(HugePages.OPTION), options.toString());
        assertEquals(KernelSpec.DEFAULT_JVM_OPTIONS, options.subList(0, KernelSpec.DEFAULT_JVM_OPTIONS.size()));
    }
}
