package io.jruns.internal.ui.pages;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeleteConfirmTest {
    @Test
    void questionsSayWhatGoes() {
        assertEquals("Delete 3 runs?", DeleteConfirm.question(3, 0, false));
        assertEquals("Delete 1 run and its 1 nested run?", DeleteConfirm.question(1, 1, false));
        assertEquals("Delete 2 runs (their 1 nested run stays)?", DeleteConfirm.question(2, 1, true));
        assertEquals("Delete 1 run and its more than 10,000 nested runs?", DeleteConfirm.question(1, 10_001, false));
    }
}
