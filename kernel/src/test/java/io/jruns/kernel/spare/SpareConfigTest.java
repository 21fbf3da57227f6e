package io.jruns.kernel.spare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpareConfigTest {
    private static Map<String, String> launched(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("JRUNS_SPARE_DIR", "/run/user/1/jruns-spares", "JRUNS_SPARE_KEY", "3627x512"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void theLauncherVariablesNameTheSocketLockAndLog() {
        SpareConfig c = SpareConfig.from(launched()).orElseThrow();
        assertEquals(Path.of("/run/user/1/jruns-spares/3627x512.sock"), c.socket());
        assertEquals(Path.of("/run/user/1/jruns-spares/3627x512.lock"), c.lock());
        assertEquals(Path.of("/run/user/1/jruns-spares/3627x512.log"), c.log());
        assertEquals(Duration.ofMinutes(15), c.idle());
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", "0", "false", "no", " Off "})
    void spareCanBeSwitchedOff(String value) {
        assertEquals(Optional.empty(), SpareConfig.from(launched("JRUNS_SPARE", value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.5 | 30000", "20 | 1200000", "soon | 900000"})
    void idleMinutesMayBeSetAndAreIgnoredWhenNotANumber(String minutes, long millis) {
        assertEquals(millis, SpareConfig.from(launched("JRUNS_SPARE_IDLE_MINUTES", minutes)).orElseThrow().idle().toMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/b", "", "x.y"})
    void aKeyThatIsNotAPlainNameIsNotUsed(String key) {
        assertEquals(Optional.empty(), SpareConfig.from(launched("JRUNS_SPARE_KEY", key)));
    }

    @Test
    void aKernelStartedWithoutTheLauncherHasNoSpare() {
        assertEquals(Optional.empty(), SpareConfig.from(Map.of("HOME", "/home/ada")));
    }
}
