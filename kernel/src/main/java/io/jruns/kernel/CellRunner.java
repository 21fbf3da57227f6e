package io.jruns.kernel;

import io.jruns.kernel.cell.CellParser;
import io.jruns.kernel.cell.ParsedCell;
import io.jruns.kernel.eval.EvalOutcome;
import io.jruns.kernel.eval.SourceRef;
import io.jruns.domain.JrunsException;
import io.jruns.magics.args.Tokens;
import io.jruns.magics.registry.MagicSpec;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Runs cell code: Java segments through JShell, magics straight in the kernel (no compile).
 * The last segment's value is the cell's result, also when it is a line magic's value
 * (jjava 1.0-a6 drops that); earlier magics' values are displayed as they come.
 */
final class CellRunner {
    private final JrunsKernel kernel;
    /** Set while a cell magic runs, so {@link JrunsKernel#executeCode} can number the body's lines. */
    private String magicBody;
    private int magicBodyFirstLine = 1;

    CellRunner(JrunsKernel kernel) {
        this.kernel = kernel;
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
                EvalOutcome o = kernel.evaluator().eval(java.code(), new SourceRef(label, firstLine + java.firstLine() - 1));
                o.notes().forEach(System.err::println);
                assigned.addAll(o.assigned());
                value = o.value();
                hasValue = o.hasValue();
                if (last && o.hasValue() && !kernel.displayIds().isIssued(o.value())) {
                    result = o.value() == null ? new DisplayData("null") : kernel.render(o.value());
                }
            } else {
                ParsedCell.LineMagic m = (ParsedCell.LineMagic) segment;
                value = runLineMagic(m, last);
                hasValue = value != null;
                if (last) {
                    result = toDisplay(value);
                } else if (value != null) {
                    kernel.display(toDisplay(value));
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
        boolean ours = kernel.magics().find(MagicSpec.Kind.CELL, cm.name()).isPresent();
        if (!ours && !kernel.getMagicsRegistry().getCellMagicNames().contains(cm.name())) {
            throw JrunsException.invalid("unknown cell magic %%" + cm.name() + " (run %help to list magics)");
        }
        String previousBody = magicBody;
        int previousLine = magicBodyFirstLine;
        magicBody = cm.body();
        magicBodyFirstLine = firstLine + cm.bodyFirstLine() - 1;
        try {
            if (ours) {
                DisplayData shown = kernel.magicHost().runAsResult(() -> kernel.magics()
                        .run(kernel.magicHost(), MagicSpec.Kind.CELL, cm.name(), cm.argText(), cm.body()));
                return new CodeResult(shown, shown, shown != null, List.of());
            }
            // A magic a third-party jjava Extension registered: jjava's own dispatch.
            Object out = kernel.getMagicsRegistry().evalCellMagic(kernel, cm.name(),
                    split("%%" + cm.name(), cm.argText()), cm.body());
            return new CodeResult(toDisplay(out), out, out != null, List.of());
        } finally {
            magicBody = previousBody;
            magicBodyFirstLine = previousLine;
        }
    }

    private Object runLineMagic(ParsedCell.LineMagic m, boolean last) throws Exception {
        if (kernel.magics().find(MagicSpec.Kind.LINE, m.name()).isPresent()) {
            if (!last) {
                kernel.magics().run(kernel.magicHost(), MagicSpec.Kind.LINE, m.name(), m.argText(), null);
                return null; // published as it ran
            }
            return kernel.magicHost().runAsResult(() -> kernel.magics()
                    .run(kernel.magicHost(), MagicSpec.Kind.LINE, m.name(), m.argText(), null));
        }
        if (!kernel.getMagicsRegistry().getLineMagicNames().contains(m.name())) {
            throw JrunsException.invalid("unknown line magic %" + m.name() + " (run %help to list magics)");
        }
        return kernel.getMagicsRegistry().evalLineMagic(kernel, m.name(), split("%" + m.name(), m.argText()));
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
        return kernel.render(out);
    }
}
