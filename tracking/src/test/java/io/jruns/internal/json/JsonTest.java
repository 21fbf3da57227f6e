package io.jruns.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    @Test
    void readsTheNonNumbersPythonWrites() throws Exception {
        JsonNode n = Json.MAPPER.readTree("{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity}");
        assertTrue(Double.isNaN(n.get("a").doubleValue()));
        assertEquals(Double.POSITIVE_INFINITY, n.get("b").doubleValue());
        assertEquals(Double.NEGATIVE_INFINITY, n.get("c").doubleValue());
    }

    @Test
    void textAfterTheDocumentIsAnError() {
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree("{\"a\": 1} {\"b\": 2}"));
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readValue("[1] x", int[].class));
    }
}
