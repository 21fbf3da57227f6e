package io.jruns.internal.manage;

import io.jruns.store.CsvTable;
import io.jruns.store.Progress;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.search.SearchRequest;
import io.jruns.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * A search's runs as CSV: {@code Run ID,Name,Source Type,Source Name,User,Status}, then one
 * column per param key and per metric key (latest value) of the exported runs, each group
 * in sorted key order (a key that is both a param and a metric heads its two columns as
 * {@code params.K} and {@code metrics.K}); lines end CRLF (RFC 4180); cells as {@link CsvCells} writes them, so
 * a missing value is an empty cell. The store supplies the rows ({@link Store#csvRows}).
 */
public final class CsvExport {
    public static final List<String> FIXED = CsvTable.FIXED;
    private static final int REPORT_EVERY = 10_000;

    private CsvExport() {
    }

    /**
     * Writes every run the search matches (at most {@code limit}); returns how many rows. The
     * store reads on the calling thread while another formats and writes, so reading and
     * formatting overlap.
     */
    public static long write(Store store, SearchRequest search, long limit, Writer out, Progress progress) {
        try (CsvPipe pipe = new CsvPipe(new Lines(out, progress))) {
            long rows = store.csvRows(search, limit, pipe);
            pipe.finish();
            out.flush();
            progress.update("rows written", rows, rows);
            return rows;
        } catch (IOException e) {
            throw failed(e);
        } catch (UncheckedIOException e) {
            throw failed(e.getCause());
        }
    }

    private static JrunsException failed(IOException e) {
        return new JrunsException(JrunsException.Code.INTERNAL_ERROR, "CSV export failed: " + e.getMessage(), e);
    }

    /** The six fixed cells of a run; the user is the run's user id, else its mlflow.user tag. */
    public static String[] fixed(Run run) {
        return CsvTable.fixedCells(run);
    }

    /** Formats rows into the writer, one reused buffer per line; writes the header even for no rows. */
    static final class Lines implements CsvTable {
        private final Writer out;
        private final Progress progress;
        private final StringBuilder line = new StringBuilder(512);
        private long rows;

        Lines(Writer out, Progress progress) {
            this.out = out;
            this.progress = progress;
        }

        @Override
        public void header(List<String> paramKeys, List<String> metricKeys) {
            line.setLength(0);
            for (String h : FIXED) cell(CsvCells.text(h));
            // a key that is both a param and a metric would head two columns alike: those two say which
            java.util.Set<String> both = new java.util.HashSet<>(paramKeys);
            both.retainAll(new java.util.HashSet<>(metricKeys));
            for (String k : paramKeys) cell(CsvCells.text(both.contains(k) ? "params." + k : k));
            for (String k : metricKeys) cell(CsvCells.text(both.contains(k) ? "metrics." + k : k));
            end();
        }

        @Override
        public void row(String[] fixed, String[] params, double[] metrics, boolean[] hasMetric) {
            line.setLength(0);
            for (String s : fixed) cell(CsvCells.text(s));
            for (String s : params) cell(CsvCells.text(s));
            for (int i = 0; i < metrics.length; i++) cell(hasMetric[i] ? CsvCells.number(metrics[i]) : "");
            end();
            if (++rows % REPORT_EVERY == 0) progress.update("rows written", rows, -1);
        }

        private void cell(String s) {
            line.append(s).append(',');
        }

        private void end() {
            line.setLength(line.length() - 1);
            line.append("\r\n");
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
