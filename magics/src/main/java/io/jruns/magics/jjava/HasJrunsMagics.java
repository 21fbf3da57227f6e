package io.jruns.magics.jjava;

/**
 * Marks a kernel that has the jruns magics built in (our own kernel), so the ServiceLoader
 * extension, also on its class path, does not register them a second time.
 */
public interface HasJrunsMagics {
}
