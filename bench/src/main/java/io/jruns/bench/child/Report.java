package io.jruns.bench.child;

/**
 * How a child JVM hands figures to the parent: lines {@code @name=value} on stdout. Every
 * other line is progress text, shown as it comes.
 */
public final class Report {
    public static final String PREFIX = "@";

    private Report() {
    }

    public static void figure(String name, double value) {
        System.out.println(PREFIX + name + "=" + value);
        System.out.flush();
    }

    public static void stats(String name, Stats s) {
        figure(name + ".n", s.n());
        figure(name + ".min", s.min());
        figure(name + ".median", s.median());
        figure(name + ".p90", s.p90());
        figure(name + ".p99", s.p99());
        figure(name + ".max", s.max());
    }

    public static void progress(String text) {
        System.out.println(text);
        System.out.flush();
    }
}
