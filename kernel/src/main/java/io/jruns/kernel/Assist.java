package io.jruns.kernel;

import io.jruns.kernel.cell.CellParser;
import io.jruns.kernel.eval.CodeAnalysis;
import io.jruns.kernel.eval.JShellEvaluator;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Completion, inspection and is_complete for cells that mix Java and magics. */
final class Assist {
    private static final Pattern MAGIC_PREFIX = Pattern.compile("^(\\s*)(%%?[\\w.-]*)$");
    private static final Pattern MAGIC_LINE = Pattern.compile("^\\s*(%%?)([\\w.-]+).*$");
    private static final Pattern MAGIC_ARGS = Pattern.compile("^\\s*(%%?)([\\w.-]+)\\s(.*)$");

    private final MagicRegistry magics;
    private final Supplier<JShellEvaluator> evaluator;

    Assist(MagicRegistry magics, Supplier<JShellEvaluator> evaluator) {
        this.magics = magics;
        this.evaluator = evaluator;
    }

    ReplacementOptions complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        Matcher m = MAGIC_PREFIX.matcher(code.substring(lineStart, at));
        if (m.matches()) {
            String typed = m.group(2);
            List<String> names = magics.complete(typed);
            return new ReplacementOptions(names, lineStart + m.group(1).length(), at);
        }
        if (onMagicLine(code, at)) {
            return completeArgument(code.substring(lineStart, at), at);
        }
        CodeAnalysis.Completion c = evaluator.get().analysis().complete(CellParser.maskMagics(code), at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    DisplayData inspect(String code, int at, boolean detail) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int lineEnd = code.indexOf('\n', at);
        Matcher m = MAGIC_LINE.matcher(code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd));
        if (m.matches()) {
            MagicSpec.Kind kind = m.group(1).length() == 2 ? MagicSpec.Kind.CELL : MagicSpec.Kind.LINE;
            return magics.find(kind, m.group(2))
                    .map(magic -> new DisplayData(magic.spec().usage() + "\n" + magic.spec().description()))
                    .orElse(null);
        }
        return evaluator.get().analysis().inspect(CellParser.maskMagics(code), at, detail)
                .map(DisplayData::new).orElse(null);
    }

    String isComplete(String code) {
        if (code.stripLeading().startsWith("%%")) {
            return BaseKernel.IS_COMPLETE_YES; // the magic decides what its body means
        }
        CodeAnalysis.Completeness c = evaluator.get().analysis().isComplete(CellParser.maskMagics(code));
        return switch (c.status()) {
            case COMPLETE -> BaseKernel.IS_COMPLETE_YES;
            case INVALID -> BaseKernel.IS_COMPLETE_BAD;
            case INCOMPLETE -> c.indent();
        };
    }

    /** The word being typed after a magic's name: its actions, options or (for %help) magic names. */
    private ReplacementOptions completeArgument(String line, int at) {
        Matcher m = MAGIC_ARGS.matcher(line);
        if (!m.matches()) return null;
        MagicSpec.Kind kind = m.group(1).length() == 2 ? MagicSpec.Kind.CELL : MagicSpec.Kind.LINE;
        String rest = m.group(3);
        List<String> words = new ArrayList<>(List.of(rest.strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        String typed = rest.isEmpty() || Character.isWhitespace(rest.charAt(rest.length() - 1)) ? "" : words.remove(words.size() - 1);
        List<String> options = magics.completeArgument(kind, m.group(2), words, typed);
        return options.isEmpty() ? null : new ReplacementOptions(options, at - typed.length(), at);
    }

    private static boolean onMagicLine(String code, int at) {
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        return code.substring(lineStart).stripLeading().startsWith("%");
    }
}
