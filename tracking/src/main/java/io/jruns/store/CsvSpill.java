package io.jruns.store;


import io.jruns.domain.JrunsException;
import io.jruns.domain.MetricSummary;
import io.jruns.search.SearchRequest;
import io.jruns.search.Texts;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV rows for any store, from its runs: the header needs every key before the first row,
 * so the runs go once through {@link Store#scanRuns} into a compact spill file while the keys
 * are gathered, then the file is read back in column order. Memory stays small whatever the
 * number of runs. (The embedded store has its own faster way: keys first, by SQL.)
 */
public final class CsvSpill {
    private CsvSpill() {
    }

    /** The rows of every run the search matches, read with {@link Store#scanRuns}. */
    public static long scan(StoreReader store, SearchRequest search, long limit, CsvTable table) {
        try (Builder b = new Builder()) {
            store.scanRuns(search, limit, run -> {
                b.begin(CsvTable.fixedCells(run));
                run.data().params().forEach(b::param);
                for (MetricSummary s : run.data().metrics().values()) b.metric(s.key(), s.latest());
                b.end();
            });
            return b.finish(table);
        }
    }

    /**
     * Collects runs one at a time ({@code begin}, then params and metrics in any order,
     * {@code end}) into the spill file, then hands them to a table in column order. Stores
     * with their own fast reading feed it directly.
     */
    public static final class Builder implements AutoCloseable {
        private final Path file;
        private final DataOutputStream out;
        private final Keys params = new Keys();
        private final Keys metrics = new Keys();
        private final List<String> paramValues = new ArrayList<>();
        private int[] paramIds = new int[64];
        private int[] metricIds = new int[64];
        private double[] metricValues = new double[64];
        private int metricCount;
        private long rows;

        public Builder() {
            try {
                file = Files.createTempFile("jruns-csv-", ".bin");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            } catch (IOException e) {
                throw failed(e);
            }
        }

        public void begin(String[] fixed) {
            try {
                for (String s : fixed) writeText(out, s);
            } catch (IOException e) {
                throw failed(e);
            }
            paramValues.clear();
            metricCount = 0;
        }

        public void param(String key, String value) {
            int n = paramValues.size();
            if (n == paramIds.length) paramIds = Arrays.copyOf(paramIds, n * 2);
            paramIds[n] = params.index(key);
            paramValues.add(value);
        }

        public void metric(String key, double value) {
            if (metricCount == metricIds.length) {
                metricIds = Arrays.copyOf(metricIds, metricCount * 2);
                metricValues = Arrays.copyOf(metricValues, metricCount * 2);
            }
            metricIds[metricCount] = metrics.index(key);
            metricValues[metricCount++] = value;
        }

        public void end() {
            try {
                out.writeInt(paramValues.size());
                for (int i = 0; i < paramValues.size(); i++) {
                    out.writeInt(paramIds[i]);
                    writeText(out, paramValues.get(i));
                }
                out.writeInt(metricCount);
                for (int i = 0; i < metricCount; i++) {
                    out.writeInt(metricIds[i]);
                    out.writeDouble(metricValues[i]);
                }
            } catch (IOException e) {
                throw failed(e);
            }
            rows++;
        }

        /** Writes the header (exact keys, sorted) and every row; returns the number of rows. */
        public long finish(CsvTable table) {
            try {
                out.close();
                int[] paramColumn = params.columns();
                int[] metricColumn = metrics.columns();
                table.header(params.sorted(), metrics.sorted());
                String[] fixed = new String[CsvTable.FIXED.size()];
                String[] p = new String[paramColumn.length];
                double[] m = new double[metricColumn.length];
                boolean[] has = new boolean[metricColumn.length];
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                    for (long r = 0; r < rows; r++) {
                        Arrays.fill(p, null);
                        Arrays.fill(has, false);
                        for (int i = 0; i < fixed.length; i++) fixed[i] = readText(in);
                        for (int n = in.readInt(); n > 0; n--) p[paramColumn[in.readInt()]] = readText(in);
                        for (int n = in.readInt(); n > 0; n--) {
                            int col = metricColumn[in.readInt()];
                            m[col] = in.readDouble();
                            has[col] = true;
                        }
                        table.row(fixed, p, m, has);
                    }
                }
                return rows;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static JrunsException failed(IOException e) {
        return new JrunsException(JrunsException.Code.INTERNAL_ERROR, "CSV export failed: " + e.getMessage(), e);
    }

    /** Lengths as ints (writeUTF stops at 64 KB); -1 for null. */
    private static void writeText(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Keys numbered in first-seen order, laid out later in sorted order. */
    private static final class Keys {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int index(String key) {
            Integer i = index.get(key);
            if (i != null) return i;
            index.put(key, names.size());
            names.add(key);
            return names.size() - 1;
        }

        List<String> sorted() {
            return names.stream().sorted(Texts::compareCodePoints).toList();
        }

        /** For each key number, its column among the sorted keys. */
        int[] columns() {
            List<String> sorted = sorted();
            int[] out = new int[names.size()];
            for (int col = 0; col < sorted.size(); col++) out[index.get(sorted.get(col))] = col;
            return out;
        }
    }
}
