package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The files of MLflow's file store: {@code metrics/<key>} with one {@code timestamp value step}
 * line per point, {@code params/<key>} and {@code tags/<key>} holding the raw value; a
 * {@code /} in a key is a subfolder.
 */
final class MlrunsFiles {
    private MlrunsFiles() {
    }

    static Path keyPath(Path folder, String key) {
        Path p = folder;
        for (String part : key.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw JrunsException.invalid("key '" + key + "' cannot be a file name in " + folder);
            }
            p = p.resolve(part);
        }
        return p;
    }

    /** A metric line; values as Python's float() reads them (nan, inf, -inf, or the exact decimal). */
    static String line(Metric m) {
        return m.timestamp() + " " + number(m.value()) + " " + m.step() + "\n";
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (v == Double.POSITIVE_INFINITY) return "inf";
        if (v == Double.NEGATIVE_INFINITY) return "-inf";
        return Double.toString(v);
    }

    static List<Metric> readMetric(Path file, String key) {
        List<Metric> out = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] p = line.split(" ");
            try {
                if (p.length < 2 || p.length > 4) throw new NumberFormatException("expected 'timestamp value step'");
                out.add(new Metric(key, value(p[1]), Long.parseLong(p[0]), p.length >= 3 ? Long.parseLong(p[2]) : 0));
            } catch (NumberFormatException e) {
                throw JrunsException.invalid(file + " line " + (i + 1) + ": '" + line + "' is not 'timestamp value step'");
            }
        }
        return out;
    }

    private static double value(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "infinity", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /**
     * Every file below {@code folder}, by key (relative path with '/'), sorted. Links are not
     * read (MLflow writes none here; one could point at any local file): each goes to {@code links}.
     * Walked with the attributes the walk reads anyway: an lstat or two more per file made
     * reading a folder of small runs the larger part of an import.
     */
    static Map<String, Path> keyed(Path folder, Consumer<Path> links) {
        TreeMap<Path, Boolean> found = new TreeMap<>(); // file -> whether a link
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() { // does not follow links
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (a.isSymbolicLink()) found.put(f, true);
                    else if (a.isRegularFile() && !f.equals(folder)) found.put(f, false);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (f.equals(folder) && e instanceof NoSuchFileException) return FileVisitResult.TERMINATE;
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        Map<String, Path> out = new LinkedHashMap<>();
        found.forEach((f, link) -> {
            if (link) links.accept(f);
            else out.put(folder.relativize(f).toString().replace('\\', '/'), f);
        });
        return out;
    }

    static Map<String, String> values(Path folder, Consumer<Path> links) {
        Map<String, String> out = new LinkedHashMap<>();
        keyed(folder, links).forEach((k, f) -> out.put(k, text(f)));
        return out;
    }

    /** A file that is there and not a link. */
    static boolean plainFile(Path f) {
        return Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
    }

    static String text(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static List<String> lines(Path f) {
        return text(f).lines().toList();
    }

    static void write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
