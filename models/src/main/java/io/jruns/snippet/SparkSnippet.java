package io.jruns.snippet;

import io.jruns.model.ColumnSpec;

import java.util.List;

/**
 * The Spark snippet: the model as a UDF over a struct of the input columns (cast to the
 * signature's types), applied to a {@code Dataset<Row>}. Each executor loads the model once
 * ({@code Models.loadCached}), so the store must be reachable from the executors.
 */
final class SparkSnippet {
    /** The Spark the snippet names; any Spark 3 with Scala 2.13 works the same way. */
    static final String SPARK = "org.apache.spark:spark-sql_2.13:3.5.1";

    private SparkSnippet() {
    }

    static String text(String uri, List<ColumnSpec> inputs, List<ColumnSpec> outputs, String mavenLine, String jarsLine,
                       String csv) {
        ColumnSpec out = outputs.isEmpty() ? new ColumnSpec("prediction", "double") : outputs.get(0);
        StringBuilder b = new StringBuilder();
        b.append(mavenLine.isEmpty() ? "%maven " + SPARK : mavenLine + " " + SPARK).append('\n');
        if (!jarsLine.isEmpty()) b.append(jarsLine).append('\n');
        b.append("// Predict with ").append(JavaText.comment(uri)).append(" on a Spark Dataset<Row> through a UDF.\n");
        b.append("// Executors load the model once each, from the same store: set JRUNS_TRACKING_URI there.\n");
        b.append("import io.jruns.model.Models;\n");
        b.append("import org.apache.spark.sql.Column;\n");
        b.append("import org.apache.spark.sql.Dataset;\n");
        b.append("import org.apache.spark.sql.Row;\n");
        b.append("import org.apache.spark.sql.SparkSession;\n");
        b.append("import org.apache.spark.sql.api.java.UDF1;\n");
        b.append("import org.apache.spark.sql.types.DataTypes;\n");
        b.append("import static org.apache.spark.sql.functions.*;\n\n");
        b.append("SparkSession spark = SparkSession.builder().master(\"local[*]\").getOrCreate();\n");
        b.append("Dataset<Row> df = spark.read().option(\"header\", true).option(\"inferSchema\", true).csv(")
                .append(JavaText.literal(csv)).append(");\n");
        b.append("String modelUri = ").append(JavaText.literal(uri)).append(";\n");
        if (inputs.isEmpty()) {
            b.append("// The model was logged without an input example: list its input columns, in order, here.\n");
            b.append("Column features = struct(df.columns()[0]);\n");
        } else {
            b.append("// The model's inputs, in its signature's order and types\n");
            b.append("Column features = struct(\n");
            for (int i = 0; i < inputs.size(); i++) {
                ColumnSpec c = inputs.get(i);
                b.append("        col(").append(JavaText.literal(c.name())).append(").cast(")
                        .append(JavaText.literal(sparkType(c.type()))).append(").as(").append(JavaText.literal(c.name()))
                        .append(i + 1 < inputs.size() ? "),\n" : "));\n");
            }
        }
        b.append("UDF1<Row, ").append(javaType(out.type())).append("> predict = row -> {\n");
        b.append("    Object[] values = new Object[row.size()];\n");
        b.append("    for (int i = 0; i < values.length; i++) values[i] = row.get(i);\n");
        b.append("    Object p = Models.loadCached(modelUri).predictRow(values);\n");
        b.append("    return ").append(convert(out.type())).append(";\n");
        b.append("};\n");
        b.append("spark.udf().register(\"jruns_predict\", predict, DataTypes.").append(dataType(out.type())).append(");\n");
        b.append("Dataset<Row> predictions = df.withColumn(").append(JavaText.literal(out.name()))
                .append(", call_udf(\"jruns_predict\", features));\n");
        b.append("predictions.show();\n");
        return b.toString();
    }

    static String sparkType(String type) {
        return switch (type) {
            case "integer" -> "int";
            case "long" -> "bigint";
            case "datetime" -> "timestamp";
            default -> type; // double, float, boolean, string, binary
        };
    }

    private static String javaType(String type) {
        return switch (type) {
            case "double" -> "Double";
            case "float" -> "Float";
            case "integer" -> "Integer";
            case "long" -> "Long";
            case "boolean" -> "Boolean";
            case "datetime" -> "java.sql.Timestamp";
            case "binary" -> "byte[]";
            default -> "String";
        };
    }

    private static String dataType(String type) {
        return switch (type) {
            case "double" -> "DoubleType";
            case "float" -> "FloatType";
            case "integer" -> "IntegerType";
            case "long" -> "LongType";
            case "boolean" -> "BooleanType";
            case "datetime" -> "TimestampType";
            case "binary" -> "BinaryType";
            default -> "StringType";
        };
    }

    private static String convert(String type) {
        return switch (type) {
            case "double" -> "p == null ? null : ((Number) p).doubleValue()";
            case "float" -> "p == null ? null : ((Number) p).floatValue()";
            case "integer" -> "p == null ? null : ((Number) p).intValue()";
            case "long" -> "p == null ? null : ((Number) p).longValue()";
            case "boolean" -> "(Boolean) p";
            case "datetime" -> "p == null ? null : java.sql.Timestamp.valueOf((java.time.LocalDateTime) p)";
            case "binary" -> "(byte[]) p";
            default -> "p == null ? null : String.valueOf(p)";
        };
    }
}
