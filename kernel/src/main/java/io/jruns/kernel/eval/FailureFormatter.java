package io.jruns.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns JShell diagnostics and exceptions into what a notebook user reads: cell and line
 * numbers instead of snippet ids and wrapper classes, and no frames of the kernel itself.
 */
final class FailureFormatter {
    /** Where each snippet (by JShell id) started: its cell label and line. */
    private final Map<String, SourceRef> origins = new ConcurrentHashMap<>();

    void remember(String snippetId, SourceRef origin) {
        origins.put(snippetId, origin);
    }

    EvaluationFailure compilation(String source, SourceRef origin, List<Diag> diagnostics) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : diagnostics) {
            if (!d.isError()) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            List<String> messageLines = cleanMessage(message);
            if (first == null) {
                first = messageLines.isEmpty() ? "compilation failed" : messageLines.get(0);
            }
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            int line = lineOf(source, pos);
            lines.add("Compilation error in " + origin.at(line) + ":");
            if (pos >= 0) {
                lines.add("    " + lineText(source, pos));
                lines.add("    " + caret(source, pos, d.getEndPosition()));
            }
            lines.addAll(messageLines);
        }
        if (first == null) {
            first = "compilation failed";
            lines.add("Compilation failed in " + origin.at(1));
        }
        return new EvaluationFailure(EvaluationFailure.Kind.COMPILATION, "CompilationError", first, lines);
    }

    EvaluationFailure exception(JShellException e, String unresolvedDetail) {
        if (e instanceof UnresolvedReferenceException) {
            String msg = unresolvedDetail;
            return new EvaluationFailure(EvaluationFailure.Kind.EXCEPTION, "UnresolvedReference", msg,
                    List.of("UnresolvedReference: " + msg));
        }
        EvalException ee = (EvalException) e;
        String className = ee.getExceptionClassName();
        List<String> lines = new ArrayList<>();
        appendThrowable(lines, ee, "");
        String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        String message = ee.getMessage() == null ? "" : ee.getMessage();
        return new EvaluationFailure(EvaluationFailure.Kind.EXCEPTION, simple, message, lines);
    }

    static EvaluationFailure interrupted() {
        return new EvaluationFailure(EvaluationFailure.Kind.INTERRUPTED, "InterruptedException",
                "cell interrupted", List.of("InterruptedException: cell interrupted"));
    }

    private void appendThrowable(List<String> lines, Throwable t, String prefix) {
        String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        String message = t.getMessage();
        lines.add(prefix + name + (message == null ? "" : ": " + message));
        for (StackTraceElement frame : t.getStackTrace()) {
            if (isHarness(frame)) {
                break;
            }
            lines.add("    at " + describe(frame));
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            appendThrowable(lines, cause, "Caused by: ");
        }
    }

    /** Frames below the snippet belong to the kernel's reflection call: hide them. */
    private static boolean isHarness(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.equals("java.lang.reflect.Method")
                || c.startsWith("io.jruns.kernel.eval.");
    }

    private String describe(StackTraceElement f) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#")) {
            return f.toString();
        }
        SourceRef origin = origins.get(file.substring(1));
        String where = origin == null ? "snippet " + file : origin.at(Math.max(1, f.getLineNumber()));
        String method = f.getMethodName();
        if (method == null || method.isEmpty() || "do_it$".equals(method)) {
            return where;
        }
        return userClass(f.getClassName()) + method + " (" + where + ")";
    }

    /** JShell already strips its wrapper classes from frames; what is left is the user's class, if any. */
    private static String userClass(String className) {
        if (className == null || className.isEmpty()) {
            return "";
        }
        int i = className.indexOf("$JShell$");
        if (i < 0) {
            return className + ".";
        }
        String rest = className.substring(i + "$JShell$".length());
        int dollar = rest.indexOf('$');
        return dollar < 0 ? "" : rest.substring(dollar + 1).replace('$', '.') + ".";
    }

    /** javac's "location: class" lines name JShell's wrapper classes, which mean nothing to a user. */
    private static List<String> cleanMessage(String message) {
        List<String> out = new ArrayList<>();
        for (String l : message.split("\\R")) {
            String t = l.trim();
            if (t.startsWith("location:") && (t.endsWith("class") || t.contains("$JShell$"))) {
                continue;
            }
            out.add(l.replaceAll("REPL\\.\\$JShell\\$\\d+\\$?", ""));
        }
        return out;
    }

    static int lineOf(String source, long pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String lineText(String source, long pos) {
        int p = (int) Math.min(pos, source.length());
        int start = source.lastIndexOf('\n', p - 1) + 1;
        int end = source.indexOf('\n', p);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    private static String caret(String source, long start, long end) {
        int p = (int) Math.min(start, source.length());
        int lineStart = source.lastIndexOf('\n', p - 1) + 1;
        StringBuilder sb = new StringBuilder();
        for (int i = lineStart; i < p; i++) {
            sb.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        int lineEnd = source.indexOf('\n', p);
        long stop = Math.min(end < 0 ? p + 1 : end, lineEnd < 0 ? source.length() : lineEnd);
        long width = Math.max(1, stop - p);
        sb.append('^');
        if (width > 1) {
            sb.append("-".repeat((int) width - 2)).append('^');
        }
        return sb.toString();
    }
}
