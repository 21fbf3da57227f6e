package io.jruns.cli;

import io.jruns.domain.Metric;
import io.jruns.views.format.Format;
import io.jruns.views.text.TextTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The history table written row by row is the table TextTable lays out, byte for byte. */
class HistoryTableTest {
    @Test
    void rowByRowIsWhatTextTableWouldPrint() {
        ZoneId zone = ZoneId.of("Europe/Paris");
        List<Metric> h = List.of(new Metric("m", 0.5, 1_700_000_000_000L, 0), new Metric("m", Double.NaN, 1_700_000_000_123L, -12),
                new Metric("m", Double.NEGATIVE_INFINITY, 1L, Long.MAX_VALUE), new Metric("m", 1e-300, 1_700_000_999_999L, 7));
        TextTable t = new TextTable().column("step", true).column("timestamp").column("value", true);
        h.forEach(m -> t.row(Long.toString(m.step()), Format.timeMillis(m.timestamp(), zone), Format.exact(m.value())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryTable.write(h, zone, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(t.render(), out.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream none = new ByteArrayOutputStream();
        HistoryTable.write(List.of(), zone, new PrintStream(none, true, StandardCharsets.UTF_8));
        assertEquals(new TextTable().column("step", true).column("timestamp").column("value", true).render(),
                none.toString(StandardCharsets.UTF_8));
    }
}
