package io.jruns.kernel;

import io.jruns.kernel.eval.EvaluationFailure;
import io.jruns.domain.JrunsException;
import io.jruns.search.FilterException;
import io.jruns.kernel.maven.ResolutionFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.MagicArgsParseException;

/** A failed cell as Jupyter shows it: ename, evalue and traceback lines. */
record ErrorReport(String name, String value, List<String> traceback) {

    static ErrorReport of(Throwable t) {
        if (t instanceof EvaluationFailure f) {
            List<String> tb = new ArrayList<>(f.traceback());
            for (Throwable s : f.getSuppressed()) {
                tb.add("Also: " + s);
            }
            return new ErrorReport(f.errorName(), f.getMessage(), tb);
        }
        if (t instanceof ResolutionFailure) {
            String msg = t.getMessage();
            return new ErrorReport("ResolutionError", msg, List.of("ResolutionError: " + msg));
        }
        if (t instanceof JrunsException j && j.code() != JrunsException.Code.INVALID_PARAMETER_VALUE) {
            // A tracking problem (store unavailable, run not found): one line, no kernel frames.
            return new ErrorReport("JrunsError", j.getMessage(), List.of("JrunsError: " + j.getMessage()));
        }
        if (t instanceof FilterException f) {
            // the filter as typed with a caret under the column, then the one line
            List<String> tb = new ArrayList<>(f.caretDisplay().lines().limit(2).toList());
            tb.add("UsageError: " + f.getMessage());
            return new ErrorReport("UsageError", f.getMessage(), tb);
        }
        if (t instanceof JrunsException || t instanceof IllegalArgumentException
                || t instanceof MagicArgsParseException) {
            String msg = t.getMessage() == null ? t.toString() : t.getMessage();
            return new ErrorReport("UsageError", msg, List.of("UsageError: " + msg));
        }
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        List<String> lines = List.of(sw.toString().split("\\R"));
        return new ErrorReport(t.getClass().getSimpleName(), t.getMessage() == null ? "" : t.getMessage(), lines);
    }
}
