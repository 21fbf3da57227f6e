package io.jruns;

import java.util.Map;

/**
 * Supplies the tags every new run carries automatically (source, user, versions). The
 * default describes a plain Java program; the notebook kernel installs one that names the
 * notebook and its revision.
 */
@FunctionalInterface
public interface RunContext {
    Map<String, String> tags();
}
