package io.jruns.kernel.magic;

import java.util.Map;

/** The notebook's code as a magic sees it: code run as part of the current cell, and the variables. */
public interface NotebookCode {
    /** Runs code (magics included) as part of the current cell; returns its value, null when none. */
    Object eval(String code) throws Exception;

    /** The user's variables by name. */
    Map<String, Object> variables();
}
