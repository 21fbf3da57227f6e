package io.jruns.search;

import java.util.Locale;
import java.util.Set;

/** Reserved words; matched case-insensitively, never usable as bare attribute names. */
final class Keywords {
    private static final Set<String> ALL = Set.of("AND", "OR", "NOT", "IN", "LIKE", "ILIKE", "TRUE", "FALSE",
            "ASC", "DESC", "MIN", "MAX", "LATEST");

    private Keywords() {
    }

    static boolean isKeyword(String word) {
        return ALL.contains(word.toUpperCase(Locale.ROOT));
    }
}
