package io.jruns.execute;

import io.jruns.domain.JrunsException;

/** A Jupyter command that failed; keeps what it printed so the caller can say why. */
public final class ProcessFailure extends JrunsException {
    private final int exitCode;
    private final String stderr;

    public ProcessFailure(String what, int exitCode, String stderr) {
        super(Code.INTERNAL_ERROR, "jupyter " + what + " failed (exit " + exitCode + ")" + lastLine(stderr));
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderr() {
        return stderr;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : ": " + last;
    }
}
