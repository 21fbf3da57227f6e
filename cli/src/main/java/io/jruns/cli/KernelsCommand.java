package io.jruns.cli;

import io.jruns.views.text.TextTable;
import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.execute.Jupyter;
import io.jruns.internal.json.Json;
import io.jruns.kernel.install.JdkOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code jruns kernels}: the kernelspecs Jupyter finds, marking the jruns ones. */
final class KernelsCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("kernels", List.of(), List.of(),
            "List the Jupyter kernels installed, marking jruns kernels, their versions and Java releases",
            "Asks `jupyter kernelspec list`, so it sees what Jupyter sees (JUPYTER_PATH included).");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Map<String, String> env = context.environment().variables();
        Jupyter jupyter = Jupyter.locate(env);
        String json = jupyter.run(Map.of(), Path.of("").toAbsolutePath(), null, "kernelspec", "list", "--json");
        TextTable t = new TextTable().column("name").column("display name").column("jruns").column("java").column("path");
        List<String> notes = new ArrayList<>();
        try {
            JsonNode specs = Json.MAPPER.readTree(json).path("kernelspecs");
            specs.fields().forEachRemaining(e -> {
                JsonNode spec = e.getValue().path("spec");
                JsonNode jruns = spec.path("metadata").path("jruns");
                t.row(e.getKey(), spec.path("display_name").asText(""), jruns.path("version").asText(""),
                        jruns.path("java").asText(""), e.getValue().path("resource_dir").asText(""));
                if (!jruns.isMissingNode()) {
                    List<String> argv = new ArrayList<>();
                    spec.path("argv").forEach(a -> argv.add(a.asText()));
                    List<String> missing = JdkOptions.missing(argv);
                    if (!missing.isEmpty()) {
                        notes.add("kernel '" + e.getKey() + "' lacks " + String.join(" ", missing) + " for its JDK: install it"
                                + " again, e.g. jruns install --name " + e.getKey());
                    }
                }
            });
        } catch (IOException e) {
            throw new io.jruns.domain.JrunsException(io.jruns.domain.JrunsException.Code.INTERNAL_ERROR,
                    "jupyter kernelspec list gave no JSON: " + e.getMessage());
        }
        context.out().print(t.render());
        notes.forEach(context.err()::println);
    }
}
