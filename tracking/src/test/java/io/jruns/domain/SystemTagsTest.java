package io.jruns.domain;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemTagsTest {
    @Test
    void everyNameIsDefinedOnceAndCountsAsASystemTag() throws Exception {
        Map<String, String> seen = new HashMap<>();
        for (Field f : SystemTags.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) continue;
            String name = (String) f.get(null);
            assertNull(seen.put(name, f.getName()), name + " is both " + seen.get(name) + " and " + f.getName());
            assertTrue(SystemTags.isSystem(name), name);
        }
        assertEquals(35, seen.size());
    }

    @Test
    void userTagsAreNotSystemTags() {
        for (String k : new String[]{"team", "mlflow", "jruns", "mlflowx.y", "java.vendor", "my.mlflow.tag"}) {
            assertFalse(SystemTags.isSystem(k), k);
        }
    }
}
