package io.jruns.kernel.display;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * The notebook's rich output: renders values (tablesaw tables our way, the rest with jjava's
 * renderer) and publishes or replaces them under display ids. One per kernel.
 */
public final class NotebookDisplay {
    private final Renderer renderer;
    private final DisplayStream stream;
    private final DisplayIds ids = new DisplayIds();

    public NotebookDisplay(Renderer renderer, DisplayStream stream) {
        this.renderer = renderer;
        this.stream = stream;
    }

    /** The display of the kernel running this notebook (for {@link NotebookFunctions} in cells). */
    static NotebookDisplay current() {
        if (BaseKernel.notebookKernel() instanceof Owner owner) {
            return owner.notebookDisplay();
        }
        throw new IllegalStateException("display(...) works only in a notebook run by the jruns kernel");
    }

    /** A kernel that has a {@link NotebookDisplay}. */
    public interface Owner {
        NotebookDisplay notebookDisplay();
    }

    /** The ids handed out during the current cell. */
    public DisplayIds ids() {
        return ids;
    }

    public DisplayData render(Object value) {
        if (value instanceof DisplayData d) return d;
        if (value != null && TableDisplay.handles(value)) return TableDisplay.render(value);
        return renderer.render(value);
    }

    /** Publishes already rendered output under the current cell. */
    public void show(DisplayData data) {
        stream.display(data);
    }

    /** Publishes {@code value} as display_data and returns its display id. */
    public String showValue(Object value, String[] mimeTypes) {
        DisplayData data;
        if (value instanceof DisplayData d) {
            data = new DisplayData(d); // do not stamp an id onto the caller's object
        } else {
            data = mimeTypes == null || mimeTypes.length == 0 ? render(value) : renderer.renderAs(value, mimeTypes);
        }
        String id = data.hasDisplayId() ? ids.remember(data.getDisplayId()) : ids.issue();
        data.setDisplayId(id);
        show(data);
        return id;
    }

    /** Replaces the output shown under {@code displayId} with {@code value}. */
    public void update(String displayId, Object value) {
        DisplayData data = render(value);
        data.setDisplayId(displayId);
        stream.updateDisplay(data);
    }
}
