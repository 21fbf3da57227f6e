package io.jruns.kernel;

import io.jruns.search.FilterException;
import io.jruns.search.SearchRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a failed cell reads in the notebook. */
class ErrorReportTest {
    @Test
    void aFilterMistakeShowsTheFilterWithACaretUnderItsColumn() {
        FilterException e = assertThrows(FilterException.class,
                () -> SearchRequest.builder().experiments("0").filter("params.opt = sgd").build());
        ErrorReport r = ErrorReport.of(e);
        assertEquals("UsageError", r.name());
        assertEquals(List.of("params.opt = sgd", "             ^",
                "UsageError: expected a quoted string after =, found 'sgd' (column 14)"), r.traceback());
    }
}
