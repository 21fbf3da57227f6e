package io.jruns.views.html;

import io.jruns.domain.RunStatus;

/** A run's status as an icon and a word (never colour alone). */
public final class Status {
    private Status() {
    }

    public static String icon(RunStatus s) {
        return switch (s) {
            case FINISHED -> "\u2713";   // check mark
            case FAILED -> "\u2715";     // multiplication x
            case RUNNING -> "\u25CF";    // black circle
            case SCHEDULED -> "\u25CB";  // white circle
            case KILLED -> "\u25A0";     // black square
        };
    }

    static String cssClass(RunStatus s) {
        return switch (s) {
            case FINISHED -> "jr-ok";
            case FAILED -> "jr-bad";
            case RUNNING, SCHEDULED -> "jr-live";
            case KILLED -> "jr-warn";
        };
    }

    /** "Finished", "Failed", ... */
    public static String word(RunStatus s) {
        String n = s.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    public static String html(RunStatus s) {
        return "<span class=\"jr-st " + cssClass(s) + "\"><i aria-hidden=\"true\">" + icon(s) + "</i>" + word(s) + "</span>";
    }

    public static String text(RunStatus s) {
        return icon(s) + " " + word(s);
    }
}
