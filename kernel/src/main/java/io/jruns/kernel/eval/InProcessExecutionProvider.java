package io.jruns.kernel.eval;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell our in-process execution control and keeps a reference for value capture and stop. */
final class InProcessExecutionProvider implements ExecutionControlProvider {
    private final InProcessExecutionControl control = new InProcessExecutionControl();

    InProcessExecutionControl control() {
        return control;
    }

    @Override
    public String name() {
        return "jruns-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
