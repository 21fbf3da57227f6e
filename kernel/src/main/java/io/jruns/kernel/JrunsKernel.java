package io.jruns.kernel;

import io.jruns.kernel.cell.CellContext;
import io.jruns.kernel.cell.CellListener;
import io.jruns.kernel.classpath.ClasspathLedger;
import io.jruns.kernel.display.NotebookDisplay;
import io.jruns.kernel.env.EnvironmentHook;
import io.jruns.kernel.env.JupyterKernelSpecs;
import io.jruns.kernel.eval.JShellEvaluator;
import io.jruns.kernel.home.KernelHome;
import io.jruns.kernel.home.KernelVersion;
import io.jruns.kernel.magic.KernelMagicHost;
import io.jruns.kernel.magic.KernelMagics;
import io.jruns.kernel.magic.NotebookCode;
import io.jruns.kernel.maven.DependencyResolver;
import io.jruns.kernel.tracking.TrackingHooks;
import io.jruns.magics.jjava.HasJrunsMagics;
import io.jruns.magics.notebook.NotebookIdentity;
import io.jruns.magics.registry.MagicRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The jruns Java kernel: jjava's messaging with our JShell evaluator. Its public methods are
 * the plug-in points for the tracking magics: cell and shutdown listeners, the current cell's
 * metadata, the magic catalog, the notebook identity and the class path.
 */
public class JrunsKernel extends BaseKernel implements HasJrunsMagics, NotebookDisplay.Owner {
    private static final Logger LOG = Logger.getLogger(JrunsKernel.class.getName());

    /** Imports every cell starts with (JShell's own defaults, less java.util.prefs, plus display). */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static io.jruns.kernel.display.NotebookFunctions.*;");

    private final NotebookDisplay display;
    private final NotebookIdentity notebook;
    private final ClasspathLedger classpath = new ClasspathLedger();
    private final EvaluatorStartup startup;
    private final KernelClasspath libraries;
    private final KernelMagicHost magicHost;
    private final MagicRegistry magics;
    private final CellRunner runner;
    private final CellExecution execution;
    private final Assist assist;
    private final List<CellListener> cellListeners = new CopyOnWriteArrayList<>();
    private final List<ShutdownListener> shutdownListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean shutDown = new AtomicBoolean();

    public JrunsKernel(KernelOptions options) {
        this(options, new KernelIO(), new MagicsRegistry());
    }

    /** Wires the parts: each gets the few collaborators it needs, none gets the kernel. */
    private JrunsKernel(KernelOptions options, KernelIO io, MagicsRegistry registry) {
        super("jruns", KernelVersion.get(), KernelInfo.languageInfo(), KernelInfo.helpLinks(), null, io, new CommManager(),
                new Renderer(), new MagicParser("%", "%%", new MagicTranspiler()), registry,
                options.loadExtensions(), new StringStyler.Builder().build());
        this.display = new NotebookDisplay(getRenderer(), io.display);
        this.notebook = NotebookIdentity.fromEnvironment(options.environment(), options.workingDir());
        List<String> snippets = new ArrayList<>(DEFAULT_IMPORTS);
        snippets.addAll(options.startupSnippets());
        this.startup = new EvaluatorStartup(snippets);
        this.libraries = new KernelClasspath(classpath, notebook::workingDir, startup::get);
        this.magicHost = new KernelMagicHost(display, new NotebookCode() {
            @Override
            public Object eval(String code) throws Exception {
                return executeCode(code).value();
            }

            @Override
            public Map<String, Object> variables() {
                return JrunsKernel.this.variables();
            }
        }, notebook, this::currentCell);
        this.magics = KernelMagics.registry(notebook, new JupyterKernelSpecs(System.getenv(), KernelHome.locate(), true), libraries);
        this.runner = new CellRunner(startup::get, display, magics, magicHost, new ExtensionMagics(registry, this));
        this.execution = new CellExecution(runner, cellListeners, io, this::replaceOutputStreams, display.ids());
        this.assist = new Assist(magics, startup::get);
        TrackingHooks tracking = TrackingHooks.install(notebook, EnvironmentHook.install(classpath), this::currentCell);
        cellListeners.add(tracking);
        shutdownListeners.add(tracking::kernelShuttingDown);
        TrackingHooks.STARTUP_IMPORTS.forEach(startup::addSnippet);
    }

    /** The kernel running this notebook (for code inside cells and magics). */
    public static JrunsKernel current() {
        return (JrunsKernel) BaseKernel.notebookKernel();
    }

    /** A spare's launch: the notebook it serves is named by the environment and folder it took from the launch. */
    void rereadNotebook() {
        notebook.reread(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** Becomes the notebook's kernel and starts JShell (and the extensions) in the background. */
    public void start() {
        installNotebookKernel();
        startup.start(() -> {
            if (extensionsEnabled) {
                installDefaultExtensions();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runShutdownListeners(false), "jruns-shutdown"));
    }

    // ---- plug-in points -------------------------------------------------------------------

    /** The one magic registry: %help, completion and docs/magics.md come from it. */
    public MagicRegistry magics() {
        return magics;
    }

    /** This kernel as the host our magics run in. */
    public KernelMagicHost magicHost() {
        return magicHost;
    }

    public NotebookIdentity notebook() {
        return notebook;
    }

    public ClasspathLedger classpath() {
        return classpath;
    }

    public void addCellListener(CellListener listener) {
        cellListeners.add(listener);
    }

    public void removeCellListener(CellListener listener) {
        cellListeners.remove(listener);
    }

    public void addShutdownListener(ShutdownListener listener) {
        shutdownListeners.add(listener);
    }

    /** The cell being executed (number, JupyterLab cellId, request metadata), if any. */
    public Optional<CellContext> currentCell() {
        return execution.current();
    }

    /** Runs code (magics included) as part of the current cell: what a cell magic calls for its body. */
    public CodeResult executeCode(String code) throws Exception {
        String label = execution.current().map(CellContext::label).orElse("code");
        return runner.run(code, label, runner.firstLineOf(code));
    }

    /** Code to run before the first cell, e.g. {@code import io.jruns.Jruns;}; runs now if the kernel is up. */
    public void addStartupSnippet(String code) {
        startup.addSnippet(code);
    }

    /** The evaluator, waiting for it to finish starting if needed. */
    public JShellEvaluator evaluator() {
        return startup.get();
    }

    /** The user's variables by name (JShell temporaries excluded). */
    public Map<String, Object> variables() {
        return evaluator().variables();
    }

    /** Adds jars or folders to the notebook's class path; returns the ones that were new. */
    public List<Path> addToClasspath(String origin, List<Path> paths) {
        return libraries.add(origin, paths);
    }

    /** Maven Resolver, loaded (isolated from the notebook's class path) on first use. */
    public DependencyResolver dependencyResolver() {
        return libraries.resolver();
    }

    @Override
    public NotebookDisplay notebookDisplay() {
        return display;
    }

    public DisplayData render(Object value) {
        return display.render(value);
    }

    /** Publishes {@code value} as display_data and returns its display id. */
    public String displayValue(Object value, String[] mimeTypes) {
        return display.showValue(value, mimeTypes);
    }

    // ---- BaseKernel ----------------------------------------------------------------------

    @Override
    protected void handleExecuteRequest(org.dflib.jjava.jupyter.channels.ShellReplyEnvironment env,
            org.dflib.jjava.jupyter.messages.Message<org.dflib.jjava.jupyter.messages.request.ExecuteRequest> message) {
        synchronized (this) {
            commManager.setMessageContext(message);
            execution.handle(env, message, executionCount);
        }
    }

    @Override
    protected void handleKernelInfoRequest(org.dflib.jjava.jupyter.channels.ShellReplyEnvironment env,
            org.dflib.jjava.jupyter.messages.Message<org.dflib.jjava.jupyter.messages.request.KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(org.dflib.jjava.jupyter.messages.Header.PROTOCOL_VERISON, name, version,
                getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** jjava's contract: the value of {@code code} as an object (not rendered), null when none. */
    @Override
    public Object evalRaw(String code) {
        return run(code).value();
    }

    @Override
    public DisplayData eval(String code) {
        return run(code).result();
    }

    private CodeResult run(String code) {
        try {
            return executeCode(code);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assist.inspect(code, at, extraDetail);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assist.complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

    /**
     * Stops the running cell. With none running there is nothing to stop: jupyter_client
     * interrupts every kernel it shuts down, and stopping JShell then made each default import
     * still evaluating in the background report itself failed, a warning apiece in Jupyter's log.
     */
    @Override
    public void interrupt() {
        if (execution.current().isPresent()) {
            startup.ifReady().ifPresent(JShellEvaluator::stop);
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        runShutdownListeners(isRestarting);
        super.onShutdown(isRestarting);
        startup.ifReady().ifPresent(JShellEvaluator::close);
    }

    private void runShutdownListeners(boolean restart) {
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        for (ShutdownListener l : shutdownListeners) {
            try {
                l.kernelShuttingDown(restart);
            } catch (Exception | LinkageError e) {
                LOG.log(Level.WARNING, "shutdown listener failed", e);
            }
        }
    }
}
