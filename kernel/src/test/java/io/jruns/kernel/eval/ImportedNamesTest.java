package io.jruns.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which pending start-up import a cell uses: a case table of imports and cells. */
class ImportedNamesTest {
    private final ImportedNames names = new ImportedNames(ImportedNamesTest.class.getClassLoader());

    @ParameterizedTest(name = "[{index}] {0} for `{1}`: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "import java.util.*;                     | new ArrayList<>(List.of(1))            | true",
            "import java.util.*;                     | 1 + 1                                  | false",
            "import java.util.*;                     | java.util.List.of()                    | false",
            "import java.util.*;                     | String s = \"a\" + Integer.MAX_VALUE;  | false",
            "import java.util.stream.*;              | Stream.of(1).count()                   | true",
            "import java.util.stream.*;              | List.of(1).stream()                    | false",
            "import java.util.Map.*;                 | Entry<String, String> e = null;        | true",
            "import io.jruns.*;                      | Jruns.logMetric(\"loss\", 0.5);        | true",
            "import io.jruns.domain.RunStatus;       | RunStatus s = RunStatus.FINISHED;      | true",
            "import io.jruns.domain.RunStatus;       | Jruns.endRun()                         | false",
            "import static java.util.Collections.*;  | int n = emptyList().size();            | true",
            "import static java.util.Collections.*;  | List.of().size()                       | false",
            "import static java.lang.Math.max;       | max(1, 2)                              | true",
            "import static java.lang.Math.max;       | Math.max(1, 2)                         | false",
            "`  import   java.io.* ;  `              | new File(\"x\")                        | true",
            "import no.such.pkg.*;                   | Thing t = null;                        | false",
            "import no.such.pkg.Thing;               | Thing t = null;                        | true",
            "int answer = 42;                        | answer + 1                             | false"})
    void aCellUsesAnImportWhenItNamesWhatTheImportGives(String snippet, String code, boolean uses) {
        assertEquals(uses, names.provides(snippet, ImportedNames.namesIn(code)));
    }
}
