package io.jruns.magics.args;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How an option reads in %help: a repeatable one says so once. */
class OptionSpecTest {
    @Test
    void aRepeatableOptionSaysItRepeatsOnce() {
        assertEquals("--tag K=V...", OptionSpec.repeated("tag", "K=V", "").synopsis());
        assertEquals("--experiment E,...", OptionSpec.repeated("experiment", "E,...", "").synopsis());
        assertEquals("--note TEXT", OptionSpec.value("note", "TEXT", "").synopsis());
        assertEquals("--nested", OptionSpec.flag("nested", "").synopsis());
    }
}
