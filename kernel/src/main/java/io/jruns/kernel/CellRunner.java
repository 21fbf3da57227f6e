package io.jruns.kernel;

import io.jruns.kernel.cell.CellParser;
import io.jruns.kernel.cell.ParsedCell;
import io.jruns.kernel.display.NotebookDisplay;
import io.jruns.kernel.eval.EvalOutcome;
import io.jruns.kernel.eval.JShellEvaluator;
import io.jruns.kernel.eval.SourceRef;
import io.jruns.kernel.magic.KernelMagicHost;
import io.jruns.domain.JrunsException;
import io.jruns.magics.args.Tokens;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Runs cell code: Java segments through JShell, magics straight in the kernel (no compile).
 * The last segment's value is the cell's result, also when it is a line magic's value
 * (jjava 1.0-a6 drops that); earlier magics' values are displayed as they come.
 */
final class CellRunner {
    private final Supplier<JShellEvaluator> evaluator;
    private final NotebookDisplay display;
    private final MagicRegistry magics;
    private final KernelMagicHost magicHost;
    private final ExtensionMagics extensionMagics;
    /** Set while a cell magic runs, so {@link JrunsKernel#executeCode} can number the body's lines. */
    private String magicBody;
    private int magicBodyFirstLine = 1;

    CellRunner(Supplier<JShellEvaluator> evaluator, NotebookDisplay display, MagicRegistry magics,
            KernelMagicHost magicHost, ExtensionMagics extensionMagics) {
        this.evaluator = evaluator;
        this.display = display;
        this.magics = magics;
        this.magicHost = magicHost;
        this.extensionMagics = extensionMagics;
    }

    CodeResult run(String code, String label, int firstLine) throws Exception {
        ParsedCell parsed = CellParser.parse(code);
        if (parsed instanceof ParsedCell.CellMagic cm) {
            return runCellMagic(cm, firstLine);
        }
        List<ParsedCell.Segment> segments = ((ParsedCell.Segments) parsed).segments();
        List<String> assigned = new ArrayList<>();
        DisplayData result = null;
        Object value = null;
        boolean hasValue = false;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            ParsedCell.Segment segment = segments.get(i);
            result = null;
            if (segment instanceof ParsedCell.Java java) {
                EvalOutcome o = evaluator.get().eval(java.code(), new SourceRef(label, firstLine + java.firstLine() - 1));
                o.notes().forEach(System.err::println);
                assigned.addAll(o.assigned());
                value = o.value();
                hasValue = o.hasValue();
                if (last && o.hasValue() && !display.ids().isIssued(o.value())) {
                    result = o.value() == null ? new DisplayData("null") : display.render(o.value());
                }
            } else {
                ParsedCell.LineMagic m = (ParsedCell.LineMagic) segment;
                value = runLineMagic(m, last);
                hasValue = value != null;
                if (last) {
                    result = toDisplay(value);
                } else if (value != null) {
                    display.show(toDisplay(value));
                }
            }
        }
        return new CodeResult(result, value, hasValue, assigned);
    }

    /** First line of {@code code} in the cell, when it is the body of the running cell magic. */
    int firstLineOf(String code) {
        return code.equals(magicBody) ? magicBodyFirstLine : 1;
    }

    private CodeResult runCellMagic(ParsedCell.CellMagic cm, int firstLine) throws Exception {
        boolean ours = magics.find(MagicSpec.Kind.CELL, cm.name()).isPresent();
        if (!ours && !extensionMagics.hasCell(cm.name())) {
            throw JrunsException.invalid("unknown cell magic %%" + cm.name() + " (run %help to list magics)");
        }
        String previousBody = magicBody;
        int previousLine = magicBodyFirstLine;
        magicBody = cm.body();
        magicBodyFirstLine = firstLine + cm.bodyFirstLine() - 1;
        try {
            if (ours) {
                DisplayData shown = magicHost.runAsResult(() -> magics
                        .run(magicHost, MagicSpec.Kind.CELL, cm.name(), cm.argText(), cm.body()));
                return new CodeResult(shown, shown, shown != null, List.of());
            }
            // A magic a third-party jjava Extension registered: jjava's own dispatch.
            Object out = extensionMagics.cell(cm.name(),
                    split("%%" + cm.name(), cm.argText()), cm.body());
            return new CodeResult(toDisplay(out), out, out != null, List.of());
        } finally {
            magicBody = previousBody;
            magicBodyFirstLine = previousLine;
        }
    }

    private Object runLineMagic(ParsedCell.LineMagic m, boolean last) throws Exception {
        if (magics.find(MagicSpec.Kind.LINE, m.name()).isPresent()) {
            if (!last) {
                magics.run(magicHost, MagicSpec.Kind.LINE, m.name(), m.argText(), null);
                return null; // published as it ran
            }
            return magicHost.runAsResult(() -> magics
                    .run(magicHost, MagicSpec.Kind.LINE, m.name(), m.argText(), null));
        }
        if (!extensionMagics.hasLine(m.name())) {
            throw JrunsException.invalid("unknown line magic %" + m.name() + " (run %help to list magics)");
        }
        return extensionMagics.line(m.name(), split("%" + m.name(), m.argText()));
    }

    private static List<String> split(String magic, String argText) {
        try {
            return Tokens.split(argText);
        } catch (JrunsException e) {
            throw JrunsException.invalid(magic + ": " + e.getMessage());
        }
    }

    private DisplayData toDisplay(Object out) {
        if (out == null) {
            return null;
        }
        return display.render(out);
    }
}
