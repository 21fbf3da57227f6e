package io.jruns.kernel.eval;

import io.jruns.kernel.doc.ApiSources;
import io.jruns.kernel.doc.JavadocText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/** is_complete, completion and inspection on JShell's {@link SourceCodeAnalysis}. */
public final class CodeAnalysis {
    /** Answer to "can this code run as it is?". */
    public enum Status { COMPLETE, INCOMPLETE, INVALID }

    /** @param indent for {@link Status#INCOMPLETE}: what the next line should start with */
    public record Completeness(Status status, String indent) { }

    /** Replacement candidates for the code between {@code start} and {@code end}. */
    public record Completion(List<String> matches, int start, int end) { }

    private final SourceCodeAnalysis sca;
    /** JShell finds Javadoc in the JDK's src.zip only; jruns's own comes from the sources the kernel carries. */
    private final ApiSources apiSources = new ApiSources();

    CodeAnalysis(SourceCodeAnalysis sca) {
        this.sca = sca;
    }

    public synchronized Completeness isComplete(String code) {
        String rem = code;
        while (!rem.isBlank()) {
            CompletionInfo info = sca.analyzeCompletion(rem);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> rem = info.remaining();
                case EMPTY -> rem = "";
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new Completeness(Status.INCOMPLETE, nextIndent(code));
                }
                default -> {
                    return new Completeness(Status.INVALID, "");
                }
            }
        }
        return new Completeness(Status.COMPLETE, "");
    }

    /**
     * Completes at {@code cursor}. JShell analyses the whole cell up to the cursor (so names
     * declared earlier in the cell are known); if that yields nothing, the last snippet alone.
     */
    public synchronized Completion complete(String code, int cursor) {
        Completion whole = completeFrom(code, 0, cursor);
        if (!whole.matches().isEmpty()) {
            return whole;
        }
        return completeFrom(code, snippetStart(code, cursor), cursor);
    }

    private Completion completeFrom(String code, int start, int cursor) {
        String piece = code.substring(start, cursor);
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        List<SourceCodeAnalysis.Suggestion> suggestions = sca.completionSuggestions(piece, piece.length(), anchor);
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(new ArrayList<>(matches), start + anchor[0], cursor);
    }

    /**
     * Signature and javadoc of what is at {@code cursor} (the identifier around it), or the
     * type of an expression when there is no documentation. The javadoc is text (JavadocText):
     * its first paragraph, or all of it with its sections when {@code detail}. A JDK without
     * lib/src.zip gives signatures only.
     */
    public synchronized Optional<String> inspect(String code, int cursor, boolean detail) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (code.substring(0, end).isBlank()) {
            return Optional.empty();
        }
        List<Documentation> docs = documentation(code.substring(0, end));
        String piece = code.substring(snippetStart(code, end), end);
        if (docs.isEmpty()) {
            docs = documentation(piece);
        }
        if (!docs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Documentation d : docs) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(d.signature());
                String javadoc = d.javadoc();
                if (javadoc == null || javadoc.isBlank()) {
                    javadoc = apiSources.javadoc(d.signature()).orElse(null);
                }
                String text = javadoc == null ? "" : JavadocText.render(javadoc, detail);
                if (!text.isBlank()) {
                    sb.append('\n').append(text);
                }
            }
            return Optional.of(sb.toString());
        }
        String type = sca.analyzeType(piece, piece.length());
        return type == null || type.isBlank() ? Optional.empty() : Optional.of(piece.strip() + " : " + type);
    }

    /** Documentation at the end of {@code input}; a method name without "(" is looked up as a call. */
    private List<Documentation> documentation(String input) {
        List<Documentation> docs = sca.documentation(input, input.length(), true);
        if (docs.isEmpty() && !input.isEmpty() && Character.isJavaIdentifierPart(input.charAt(input.length() - 1))) {
            docs = sca.documentation(input + "(", input.length() + 1, true);
        }
        return docs;
    }

    /** Start of the snippet that contains {@code cursor}: JShell analyses one snippet at a time. */
    private int snippetStart(String code, int cursor) {
        String rem = code.substring(0, cursor);
        while (!rem.isBlank()) {
            CompletionInfo info = sca.analyzeCompletion(rem);
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                break;
            }
            rem = info.remaining();
        }
        int start = cursor - rem.length();
        while (start < cursor && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        return start;
    }

    private static String nextIndent(String code) {
        String[] lines = code.split("\n", -1);
        String last = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                last = lines[i];
                break;
            }
        }
        int n = 0;
        while (n < last.length() && (last.charAt(n) == ' ' || last.charAt(n) == '\t')) {
            n++;
        }
        String indent = last.substring(0, n);
        String t = last.strip();
        return t.endsWith("{") || t.endsWith("(") || t.endsWith(")") ? indent + "    " : indent;
    }

}
