package io.jruns.internal.embedded;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON {@link CsvRunCells} builds for a block of runs: an array with, per run, an
 * array of its position in the block, the six fixed cells (strings or null) and an object of
 * its params. Only strings travel as JSON
 * (exact); metric values never do. Param names arrive as JSON field names, which the parser
 * keeps in its symbol table, so the column lookup does not make a string per param.
 */
final class CsvCellsJson {
    private static final JsonFactory JSON = new JsonFactory();
    static final int FIXED = 6;

    private final Map<String, Integer> paramColumn = new HashMap<>();

    CsvCellsJson(List<String> paramKeys) {
        for (int i = 0; i < paramKeys.size(); i++) paramColumn.put(paramKeys.get(i), i);
    }

    /**
     * Reads a block's array of runs, each filling {@code fixed[at]} and {@code params[at]}
     * (cleared first) at its position {@code at}; returns how many runs it held. The text is
     * the UTF-8 SQLite made: no string of the whole block is built.
     */
    int read(byte[] text, String[][] fixed, String[][] params) {
        int runs = 0;
        try (JsonParser json = JSON.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_ARRAY, text);
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                expect(t, JsonToken.START_ARRAY, text);
                run(json, fixed, params, text);
                runs++;
            }
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(JsonParser json, String[][] fixed, String[][] params, byte[] text) throws IOException {
        expect(json.nextToken(), JsonToken.VALUE_NUMBER_INT, text);
        int at = json.getIntValue();
        String[] f = fixed[at];
        for (int i = 0; i < FIXED; i++) {
            f[i] = json.nextToken() == JsonToken.VALUE_NULL ? null : json.getText();
        }
        String[] p = params[at];
        Arrays.fill(p, null);
        JsonToken t = json.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            // An SQLite that loses the subquery's JSON subtype hands the object over as text.
            try (JsonParser inner = JSON.createParser(json.getText())) {
                params(inner, inner.nextToken(), p, text);
            }
        } else {
            params(json, t, p, text);
        }
        expect(json.nextToken(), JsonToken.END_ARRAY, text);
    }

    private void params(JsonParser json, JsonToken start, String[] p, byte[] text) throws IOException {
        if (start == JsonToken.VALUE_NULL) return;
        expect(start, JsonToken.START_OBJECT, text);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            Integer col = paramColumn.get(json.currentName());
            json.nextToken();
            if (col != null) p[col] = json.getText();
        }
    }

    private static void expect(JsonToken got, JsonToken wanted, byte[] text) {
        if (got != wanted) {
            throw new IllegalStateException("CSV: unexpected run cells from SQLite (" + got + "): "
                    + new String(text, StandardCharsets.UTF_8));
        }
    }
}
