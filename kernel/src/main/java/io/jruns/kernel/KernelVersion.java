package io.jruns.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kernel's own version, from the build. */
public final class KernelVersion {
    private static final String VERSION = load();

    private KernelVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = KernelVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
