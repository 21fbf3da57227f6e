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

    /** A kernel.json installed before its JDK needed the options (an older jruns, a JDK upgraded in place). */
    @Test
    void whatAnInstalledArgvLacksForItsJdkNow() throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk25/bin"));
        Files.writeString(jdk.resolve("java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(jdk.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("jdk25/release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.3\"\n");
        String java = jdk.resolve("java").toString();
        List<String> launcher = List.of("/bin/sh", "{resource_dir}/launch.sh", "{connection_file}", "/usr/bin/python3");
        List<String> old = new java.util.ArrayList<>(launcher);
        old.addAll(List.of(java, "-Xmx1g", "-cp", "{resource_dir}/k.jar", "Main"));
        assertEquals(JdkOptions.forRelease(25, true), JdkOptions.missing(old));
        List<String> direct = List.of(java, "-cp", "{resource_dir}/k.jar", "Main", "{connection_file}");
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED"), JdkOptions.missing(direct), "no spares: native access only");
        List<String> current = new java.util.ArrayList<>(launcher);
        current.add(java);
        current.addAll(JdkOptions.forRelease(25, true));
        current.addAll(List.of("-cp", "{resource_dir}/k.jar", "Main"));
        assertEquals(List.of(), JdkOptions.missing(current));
        List<String> own = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", "k.jar", "Main");
        assertEquals(JdkOptions.forRelease(Runtime.version().feature(), false), JdkOptions.missing(own));
        assertEquals(List.of(), JdkOptions.missing(List.of()));
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
