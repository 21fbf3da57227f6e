package io.jruns.kernel.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdkOptionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "JDK {0}, spares {1}")
    @CsvSource(delimiter = '|', value = {
        "17 | true  | -",
        "23 | true  | -",
        "24 | false | --enable-native-access=ALL-UNNAMED",
        "24 | true  | --enable-native-access=ALL-UNNAMED;--add-opens=java.base/java.util=ALL-UNNAMED;"
                + "--add-opens=java.base/java.io=ALL-UNNAMED;--add-opens=java.base/sun.nio.fs=ALL-UNNAMED",
        "26 | false | --enable-native-access=ALL-UNNAMED",
        "26 | true  | --enable-native-access=ALL-UNNAMED;--add-opens=java.base/java.util=ALL-UNNAMED;"
                + "--add-opens=java.base/java.io=ALL-UNNAMED;--add-opens=java.base/sun.nio.fs=ALL-UNNAMED;"
                + "--enable-final-field-mutation=ALL-UNNAMED",
    })
    void optionsByRelease(int feature, boolean spares, String expected) {
        List<String> want = expected.equals("-") ? List.of() : Arrays.asList(expected.split(";"));
        assertEquals(want, JdkOptions.forRelease(feature, spares));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "17.0.15   | 17",
        "25        | 25",
        "26-ea     | 26",
        "1.8.0_392 | 8",
        "jdk       | -",
    })
    void featureOfAVersionString(String version, String feature) {
        Optional<Integer> want = feature.equals("-") ? Optional.empty() : Optional.of(Integer.parseInt(feature));
        assertEquals(want, JdkOptions.parse(version));
    }

    @Test
    void featureOfTheRunningJdkFromItsReleaseFile() {
        assertEquals(Optional.of(Runtime.version().feature()),
                JdkOptions.feature(Path.of(System.getProperty("java.home"), "bin", "java")));
    }

    /** A java with no release file beside it (a bare build, a wrapper) is asked for its version. */
    @Test
    void elseFromWhatJavaPrints() throws Exception {
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'Picked up JAVA_TOOL_OPTIONS: -Xmx1g' >&2\n"
                + "echo 'openjdk version \"24.0.2\" 2025-07-15' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.of(24), JdkOptions.feature(java));
        Files.writeString(java, "#!/bin/sh\necho 'not a java'\n");
        assertEquals(Optional.empty(), JdkOptions.feature(java));
    }
}
