package io.jruns.kernel.log;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Kernel logging (ours, jjava's via slf4j-jdk14, Maven Resolver's) goes to the stderr the
 * kernel was started with, which Jupyter shows in its own log. Never to {@code System.err}
 * at the time of logging: during a cell that is the cell's output.
 */
public final class KernelLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** Held strongly: JUL forgets the level of a logger that is garbage collected. */
    private static final Logger OURS = Logger.getLogger("io.jruns");

    private KernelLog() {
    }

    /** Level from {@code JRUNS_KERNEL_LOG} (e.g. {@code FINE}, {@code WARNING}); INFO by default. */
    public static void install(PrintStream originalErr, String levelName) {
        Level level = parse(levelName);
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                StringBuilder sb = new StringBuilder()
                        .append('[').append(LocalTime.now().format(TIME)).append(" jruns-kernel ")
                        .append(r.getLevel().getName()).append("] ").append(shortName(r.getLoggerName()))
                        .append(": ").append(r.getMessage() == null ? "" : formatMessage(r));
                originalErr.println(sb);
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(originalErr);
                }
            }

            @Override
            public void flush() {
                originalErr.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
        root.getHandlers()[0].setLevel(level);
        if (levelName == null || levelName.isBlank()) {
            // jjava logs every socket loop's start and stop at INFO, under loggers named after threads
            root.setLevel(Level.WARNING);
            OURS.setLevel(Level.INFO);
        } else {
            root.setLevel(level);
        }
    }

    private static String formatMessage(LogRecord r) {
        Object[] params = r.getParameters();
        if (params == null || params.length == 0) {
            return r.getMessage();
        }
        try {
            return java.text.MessageFormat.format(r.getMessage(), params);
        } catch (IllegalArgumentException e) {
            return r.getMessage();
        }
    }

    private static String shortName(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static Level parse(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.parse(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
