package io.jruns.magics.registry;

import io.jruns.domain.JrunsException;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.line.ExperimentMagic;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicRegistryTest {
    @Test
    void argumentsCompleteFromTheRegistry() {
        MagicRegistry r = JrunsMagics.registry();
        assertEquals(List.of("start"), r.completeArgument(MagicSpec.Kind.LINE, "run", List.of(), "s"));
        assertEquals(List.of("--nested"), r.completeArgument(MagicSpec.Kind.LINE, "run", List.of("start"), "--ne"));
        assertEquals(List.of("--status"), r.completeArgument(MagicSpec.Kind.LINE, "run", List.of("end"), "--"),
                "only the options end takes");
        assertEquals(List.of("run", "runs"), r.completeArgument(MagicSpec.Kind.LINE, "help", List.of(), "run"));
        assertEquals(List.of(), r.completeArgument(MagicSpec.Kind.LINE, "nope", List.of(), ""));
    }

    @Test
    void helpListsEveryMagicOnce() {
        MagicRegistry r = JrunsMagics.registry();
        List<Output> shown = new ArrayList<>();
        MagicHost host = new MagicHost() {
            @Override
            public void display(Output output) {
                shown.add(output);
            }

            @Override
            public Object eval(String code) {
                return null;
            }

            @Override
            public Optional<Path> notebookPath() {
                return Optional.empty();
            }
        };
        assertEquals(List.of("%run", "%runs"), r.complete("%run"));
        assertEquals(List.of("%%metrics", "%%note", "%%run"), r.complete("%%"));
        assertThrows(IllegalStateException.class, () -> r.register(new ExperimentMagic()));
        JrunsException e = assertThrows(JrunsException.class, () -> r.run(host, MagicSpec.Kind.LINE, "nope", "", null));
        assertEquals("unknown magic %nope (see %help)", e.getMessage());
        try {
            r.run(host, MagicSpec.Kind.LINE, "help", "", null);
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
        String text = shown.get(0).text();
        for (MagicSpec s : r.specs()) {
            assertTrue(text.contains(s.usage()), s.usage());
        }
    }
}
