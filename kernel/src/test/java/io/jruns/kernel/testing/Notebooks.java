package io.jruns.kernel.testing;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes minimal nbformat 4 notebooks that use the jruns kernel. */
public final class Notebooks {
    private Notebooks() {
    }

    public static Path write(Path file, List<String> codeCells) throws IOException {
        List<Map<String, Object>> cells = new ArrayList<>();
        int n = 0;
        for (String code : codeCells) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("cell_type", "code");
            cell.put("execution_count", null);
            cell.put("id", "cell-" + (++n));
            cell.put("metadata", Map.of());
            cell.put("outputs", List.of());
            cell.put("source", code);
            cells.add(cell);
        }
        Map<String, Object> nb = new LinkedHashMap<>();
        nb.put("cells", cells);
        nb.put("metadata", Map.of(
                "kernelspec", Map.of("name", Jupyter.KERNEL_NAME, "display_name", "Java (jruns)", "language", "java"),
                "language_info", Map.of("name", "java")));
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(nb));
        return file;
    }
}
