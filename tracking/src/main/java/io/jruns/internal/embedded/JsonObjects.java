package io.jruns.internal.embedded;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Reads the JSON objects SQLite's json_group_object builds from text keys and values. */
final class JsonObjects {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonObjects() {
    }

    static Map<String, String> strings(String json) {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken(); // {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                out.put(key, p.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON from SQLite: " + e.getMessage(), e);
        }
        return out;
    }
}
