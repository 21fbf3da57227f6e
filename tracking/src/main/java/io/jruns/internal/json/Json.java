package io.jruns.internal.json;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured JSON mapper of jruns (REST messages, notebooks, kernel specs, model files,
 * MLflow's JSON tags). Building a mapper costs a few hundred ms, so there is one, made on first
 * use; it is thread-safe. Writers that need a layout take {@code MAPPER.writer(printer)}.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            // bare NaN and Infinity, as Python's json.dumps writes them (MLflow's server, tags, input examples)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // text after the document means a broken file or answer, not a document to take the start of
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }
}
