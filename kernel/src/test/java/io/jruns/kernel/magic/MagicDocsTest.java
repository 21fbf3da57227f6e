package io.jruns.kernel.magic;

import io.jruns.magics.registry.HelpText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicDocsTest {
    /** docs/magics.md is generated from the kernel's registry; -Djruns.writeDocs=true refreshes it. */
    @Test
    void docsMatchTheRegistry() throws Exception {
        Path docs = Path.of("..", "docs", "magics.md");
        String generated = HelpText.markdown(KernelMagics.documented().specs());
        if (Boolean.getBoolean("jruns.writeDocs")) Files.writeString(docs, generated);
        assertTrue(Files.exists(docs), "docs/magics.md is missing: run the kernel tests with -Djruns.writeDocs=true");
        assertEquals(generated, Files.readString(docs), "docs/magics.md is out of date: rerun with -Djruns.writeDocs=true");
    }
}
