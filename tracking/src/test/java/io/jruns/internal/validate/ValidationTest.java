package io.jruns.internal.validate;

import io.jruns.store.LongValues;
import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"loss", "val_loss", "a.b-c", "train/loss", "a/b/c", "with space", "time:ms",
            "x", "UPPER_lower_09", "a..b", "...a", "a/b c:d.e-f_g",
            // Python's \\w, as MLflow's key pattern reads it: any letter or number
            "équipe", "损失", "x²", "Ⅻ", "٣", "ß", "𝔘", "½", "données/précision"})
    void acceptsGoodKeys(String key) {
        assertDoesNotThrow(() -> Validation.key("metric", key));
        assertDoesNotThrow(() -> Validation.key("param", key));
        assertDoesNotThrow(() -> Validation.key("tag", key));
    }

    @Test
    void acceptsKeyOfExactly250Chars() {
        assertDoesNotThrow(() -> Validation.key("metric", "k".repeat(250)));
    }

    static Stream<Arguments> badKeys() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("k".repeat(251), "longer than 250"),
                Arguments.of("loss!", "only letters"),
                Arguments.of("a\nb", "only letters"),
                Arguments.of("tab\there", "only letters"),
                Arguments.of("semi;colon", "only letters"),
                Arguments.of("quote'", "only letters"),
                Arguments.of("back\\slash", "only letters"),
                Arguments.of("loss!", "not '!'"),
                Arguments.of("e\u0301", "not U+0301"), // a combining mark is no \\w in Python either
                Arguments.of("a\u00a0b", "not U+00A0"),
                Arguments.of("a\u200db", "not U+200D"),
                Arguments.of("a\u203fb", "only letters"),
                Arguments.of("..", "relative path"),
                Arguments.of(".", "relative path"),
                Arguments.of("/a", "relative path"),
                Arguments.of("a/", "relative path"),
                Arguments.of("a//b", "relative path"),
                Arguments.of("a/./b", "relative path"),
                Arguments.of("a/../b", "relative path"),
                Arguments.of("../etc/passwd", "relative path"));
    }

    @ParameterizedTest
    @MethodSource("badKeys")
    void rejectsBadKeysWithOneLineErrorNamingTheKey(String key, String problem) {
        JrunsException e = assertThrows(JrunsException.class, () -> Validation.key("metric", key));
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
        String msg = e.getMessage();
        assertOneLine(msg);
        assertTrue(msg.contains(problem), msg);
        assertTrue(msg.startsWith("invalid metric key "), msg);
        // The key is named (long keys by their start).
        String firstPart = key.length() > 40 ? key.substring(0, 40) : key;
        assertTrue(msg.contains(firstPart.replace("\n", "\\n").replace("\t", "\\t")), msg);
    }

    @Test
    void rejectsNullKey() {
        JrunsException e = assertThrows(JrunsException.class, () -> Validation.key("tag", null));
        assertTrue(e.getMessage().contains("tag key"), e.getMessage());
    }

    @Test
    void badKeyStaysBadAfterManyGoodOnes() {
        for (int i = 0; i < 1000; i++) Validation.key("metric", "k" + i);
        assertThrows(JrunsException.class, () -> Validation.key("metric", "k1!"));
    }

    // ---- value limits

    static Stream<Arguments> limits() {
        return Stream.of(Arguments.of("param", Validation.MAX_PARAM_VALUE_LENGTH),
                Arguments.of("tag", Validation.MAX_TAG_VALUE_LENGTH));
    }

    private static String limit(String kind, String key, String value, LongValues policy) {
        return kind.equals("param") ? Validation.paramValue(key, value, policy) : Validation.tagValue(key, value, policy);
    }

    @ParameterizedTest
    @MethodSource("limits")
    void valueAtTheLimitIsKeptWhole(String kind, int max) {
        String v = "v".repeat(max);
        assertEquals(v, limit(kind, "k", v, LongValues.REJECT));
        assertEquals(v, limit(kind, "k", v, LongValues.TRUNCATE));
        assertEquals("", limit(kind, "k", "", LongValues.REJECT));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void valueOverTheLimitIsRejectedByDefault(String kind, int max) {
        String v = "v".repeat(max + 1);
        JrunsException e = assertThrows(JrunsException.class, () -> limit(kind, "my_key", v, LongValues.REJECT));
        String msg = e.getMessage();
        assertOneLine(msg);
        assertTrue(msg.contains("'my_key'"), msg);
        assertTrue(msg.contains(kind), msg);
        assertTrue(msg.contains(String.valueOf(max + 1)) && msg.contains(String.valueOf(max)), msg);
        assertTrue(msg.contains("JRUNS_TRUNCATE_LONG_VALUES"), msg);
    }

    @ParameterizedTest
    @MethodSource("limits")
    void valueOverTheLimitIsTruncatedWithAVisibleWarningWhenAsked(String kind, int max) {
        String v = "a".repeat(max) + "TAIL";
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        String kept;
        try {
            kept = limit(kind, "long_one", v, LongValues.TRUNCATE);
        } finally {
            System.setErr(old);
        }
        assertEquals("a".repeat(max), kept);
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains("warning") && warning.contains("'long_one'") && warning.contains("truncated"), warning);
    }

    @ParameterizedTest
    @MethodSource("limits")
    void charactersAreCountedAsMlflowCountsThemAndNeverCutInHalf(String kind, int max) {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        String atLimit = emoji.repeat(max);
        assertEquals(atLimit, limit(kind, "k", atLimit, LongValues.REJECT), "as long as MLflow allows");
        JrunsException e = assertThrows(JrunsException.class, () -> limit(kind, "k", atLimit + "x", LongValues.REJECT));
        assertTrue(e.getMessage().contains("is " + (max + 1) + " characters"), e.getMessage());
        PrintStream old = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(atLimit, limit(kind, "k", atLimit + emoji, LongValues.TRUNCATE), "whole characters kept");
        } finally {
            System.setErr(old);
        }
    }

    @ParameterizedTest
    @MethodSource("limits")
    void nullValueIsAClearError(String kind, int max) {
        JrunsException e = assertThrows(JrunsException.class, () -> limit(kind, "k", null, LongValues.REJECT));
        assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("no value"), e.getMessage());
    }

    // ---- ids

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "abc", "A", "run-1", "run_1", "9"})
    void acceptsRunIds(String id) {
        assertDoesNotThrow(() -> Validation.runId(id));
    }

    @Test
    void acceptsRunIdOf256Chars() {
        assertDoesNotThrow(() -> Validation.runId("a".repeat(256)));
        assertThrows(JrunsException.class, () -> Validation.runId("a".repeat(257)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-abc", "_abc", "a b", "a/b", "../x", "a.b", "id\n", "run!"})
    void rejectsRunIds(String id) {
        JrunsException e = assertThrows(JrunsException.class, () -> Validation.runId(id));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains("run id"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, true", "1, true", "1234567890123456789, true", "12345678901234567890, false", "-1, false",
            "abc, false", "1.0, false", "' 1', false", "'', false"})
    void experimentIds(String id, boolean ok) {
        if (ok) {
            assertDoesNotThrow(() -> Validation.experimentId(id));
        } else {
            JrunsException e = assertThrows(JrunsException.class, () -> Validation.experimentId(id));
            assertTrue(e.getMessage().contains("experiment id"), e.getMessage());
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsEmptyExperimentNames(String name) {
        assertThrows(JrunsException.class, () -> Validation.experimentName(name));
    }

    @Test
    void experimentNameLimit() {
        assertDoesNotThrow(() -> Validation.experimentName("e".repeat(500)));
        JrunsException e = assertThrows(JrunsException.class, () -> Validation.experimentName("e".repeat(501)));
        assertTrue(e.getMessage().contains("501"), e.getMessage());
    }

    @Test
    void paramConflictNamesRunKeyAndBothValues() {
        String msg = Validation.paramConflict("r1", "lr", "0.1", "0.2").getMessage();
        assertOneLine(msg);
        for (String part : new String[] {"'r1'", "'lr'", "'0.1'", "'0.2'"}) assertTrue(msg.contains(part), msg);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void negativeTimestampsAreRejected(long ts) {
        assertThrows(JrunsException.class, () -> Validation.timestamp(ts));
        assertDoesNotThrow(() -> Validation.timestamp(0));
    }

    static void assertOneLine(String msg) {
        assertFalse(msg.contains("\n") || msg.contains("\r"), () -> "message spans lines: " + msg);
    }
}
