package io.jruns.kernel.spare;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The spare's stdout and stderr: its log file while it waits, then the launcher's socket, so
 * what the kernel logs reaches Jupyter's log as a kernel started directly would write it there.
 */
public final class Relay extends OutputStream {
    private volatile OutputStream target;

    public Relay(OutputStream initial) {
        this.target = initial;
    }

    public void switchTo(OutputStream next) {
        OutputStream old = target;
        target = next;
        try {
            old.flush();
        } catch (IOException ignored) {
            // the log file: nothing to do about it
        }
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
