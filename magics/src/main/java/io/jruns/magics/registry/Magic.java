package io.jruns.magics.registry;

import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;

/** One magic. {@code body} is the cell's code for a cell magic, null for a line magic. */
public interface Magic {
    MagicSpec spec();

    void run(MagicHost host, ParsedArgs args, String body) throws Exception;
}
