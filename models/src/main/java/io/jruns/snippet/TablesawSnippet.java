package io.jruns.snippet;

import io.jruns.model.ColumnSpec;
import io.jruns.model.ColumnTypes;

import java.util.List;
import java.util.stream.Collectors;

/** The tablesaw snippet: read a CSV with the model's input columns and types, load the model, predict. */
final class TablesawSnippet {
    private TablesawSnippet() {
    }

    static String text(String uri, List<ColumnSpec> inputs, String mavenLine, String jarsLine, String csv) {
        StringBuilder b = new StringBuilder();
        if (!mavenLine.isEmpty()) b.append(mavenLine).append('\n');
        if (!jarsLine.isEmpty()) b.append(jarsLine).append('\n');
        b.append("// Predict with ").append(JavaText.comment(uri)).append(" on a tablesaw Table read from CSV.\n");
        b.append("// The jruns kernel has jruns and tablesaw; elsewhere add io.jruns:jruns-models to the class path,\n");
        b.append("// and call Jruns.setTrackingUri(...) with the store the run is in.\n");
        b.append("import io.jruns.model.LoadedModel;\n");
        b.append("import io.jruns.model.Models;\n");
        b.append("import java.util.HashMap;\n");
        b.append("import java.util.Map;\n");
        b.append("import tech.tablesaw.api.ColumnType;\n");
        b.append("import tech.tablesaw.api.Table;\n");
        b.append("import tech.tablesaw.io.csv.CsvReadOptions;\n\n");
        b.append("LoadedModel model = Models.load(").append(JavaText.literal(uri)).append(");\n");
        if (inputs.isEmpty()) {
            b.append("// The model was logged without an input example: the CSV needs the columns it expects.\n");
            b.append("Table input = Table.read().csv(").append(JavaText.literal(csv)).append(");\n");
        } else {
            b.append("// A CSV file with a header row and the model's input columns: ")
                    .append(JavaText.comment(inputs.stream().map(ColumnSpec::toString).collect(Collectors.joining(", ")))).append('\n');
            b.append("Map<String, ColumnType> types = new HashMap<>();\n");
            for (ColumnSpec c : inputs) {
                b.append("types.put(").append(JavaText.literal(c.name())).append(", ColumnType.")
                        .append(ColumnTypes.tablesaw(c.type()).name()).append(");\n");
            }
            b.append("Table input = Table.read().csv(CsvReadOptions.builder(").append(JavaText.literal(csv))
                    .append(").columnTypesPartial(types));\n");
        }
        b.append("Table predictions = model.predict(input);\n");
        b.append("predictions\n");
        return b.toString();
    }
}
