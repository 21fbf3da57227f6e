package io.jruns.kernel.home;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kernel's own build: its version and the class a kernelspec runs, from {@code kernel.properties}. */
public final class KernelVersion {
    private static final Properties BUILD = load();

    private KernelVersion() {
    }

    public static String get() {
        return BUILD.getProperty("version", "unknown");
    }

    /**
     * The kernel's main class, by name: the installer writes it into kernel.json, and naming it
     * as data keeps the installer from depending on the kernel it installs.
     */
    public static String mainClass() {
        String main = BUILD.getProperty("main-class");
        if (main == null) {
            throw new IllegalStateException("the kernel's build has no kernel.properties naming its main-class");
        }
        return main;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = KernelVersion.class.getResourceAsStream("kernel.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable build file leaves the defaults
        }
        return p;
    }
}
