package io.jruns.kernel.channel;

import java.lang.reflect.Field;
import java.security.GeneralSecurityException;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

/**
 * jjava's connection with {@link BlockingShellChannel}s for shell and control and a
 * {@link BatchingIOPubChannel} for iopub. jjava 1.0-a6 offers no way to choose the channels,
 * so they are swapped in by reflection before binding; if that fails (another jjava version),
 * the stock channels stay, and latency or long output suffers, as the warnings say.
 */
public final class KernelConnection extends JupyterConnection {
    private static final Logger LOG = Logger.getLogger(KernelConnection.class.getName());

    public KernelConnection(KernelConnectionProperties props) throws GeneralSecurityException {
        super(props);
        try {
            ZMQ.Context ctx = (ZMQ.Context) field("ctx").get(this);
            replace("shell", new BlockingShellChannel(ctx, props.createHMACGenerator(), false, this));
            replace("control", new BlockingShellChannel(ctx, props.createHMACGenerator(), true, this));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("keeping jjava's polling shell channels (+50 ms per request): " + e);
        }
        try {
            replace("iopub", new BatchingIOPubChannel((ZMQ.Context) field("ctx").get(this), props.createHMACGenerator()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("keeping jjava's iopub channel (a message per printed line; long output can lose lines): " + e);
        }
    }

    private void replace(String name, JupyterSocket replacement) throws ReflectiveOperationException {
        Field f = field(name);
        JupyterSocket old = (JupyterSocket) f.get(this);
        f.set(this, replacement);
        old.close(); // never bound: this only releases its socket
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = JupyterConnection.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
