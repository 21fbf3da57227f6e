package io.jruns.kernel.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingWarmUpTest {
    @TempDir
    Path tmp;

    @Test
    void logsARunToAThrowAwayStoreAndLeavesNothingBehind() throws IOException {
        assertTrue(TrackingWarmUp.run(tmp), "the warm-up run was logged and read back FINISHED");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "the warm-up's store folder is deleted");
        }
    }

    @Test
    void aFolderItCannotWriteIsNoError() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        assertFalse(TrackingWarmUp.run(file));
    }
}
