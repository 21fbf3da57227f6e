package io.jruns.kernel.doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A doc comment as JShell or javac gives it (HTML, inline tags, block tags) made readable as
 * plain text, as an inspector shows it: {@code {@code x}} is x, a link its label, paragraphs
 * are blank lines, {@code <pre>} keeps its lines, and the block tags become sections.
 */
public final class JavadocText {
    private static final Pattern INLINE = Pattern.compile("\\{@(\\w+)\\s*");
    private static final Pattern PRE = Pattern.compile("(?is)<pre[^>]*>(.*?)</pre>");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\s*");
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("param", "Parameters:");
        SECTIONS.put("return", "Returns:");
        SECTIONS.put("throws", "Throws:");
        SECTIONS.put("exception", "Throws:");
        SECTIONS.put("deprecated", "Deprecated:");
        SECTIONS.put("since", "Since:");
        SECTIONS.put("see", "See also:");
    }

    private JavadocText() {
    }

    /** The description alone, or with its sections when {@code detail}; the first paragraph when not. */
    public static String render(String javadoc, boolean detail) {
        String raw = dedent(javadoc.replace("\r", ""));
        Matcher tag = BLOCK_TAG.matcher(raw);
        int tagsAt = tag.find() ? tag.start() : raw.length();
        String description = prose(raw.substring(0, tagsAt));
        if (!detail) {
            int blank = description.indexOf("\n\n");
            return blank < 0 ? description : description.substring(0, blank);
        }
        StringBuilder out = new StringBuilder(description);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        for (String piece : raw.substring(tagsAt).split("(?m)^(?=\\s*@\\w)")) if (!piece.isBlank()) tags.add(piece.strip());
        for (String t : tags) {
            Matcher m = Pattern.compile("(?s)@(\\w+)\\s*(.*)").matcher(t);
            if (!m.matches() || !SECTIONS.containsKey(m.group(1))) continue; // @implNote, @jls, @author: not for a tooltip
            String text = prose(m.group(2)).replace("\n\n", " ");
            if (m.group(1).equals("param") || m.group(1).equals("throws") || m.group(1).equals("exception")) {
                String[] nameAndText = text.split("\\s+", 2);
                text = nameAndText[0] + (nameAndText.length > 1 ? " - " + nameAndText[1] : "");
            }
            sections.computeIfAbsent(SECTIONS.get(m.group(1)), k -> new ArrayList<>()).add(text);
        }
        sections.forEach((title, items) -> {
            out.append(out.length() > 0 ? "\n\n" : "").append(title);
            for (String item : items) out.append("\n  ").append(item);
        });
        return out.toString();
    }

    /** Without the blanks every line after the first has (what is left of " * "), so {@code <pre>} keeps its own indents. */
    private static String dedent(String s) {
        String[] lines = s.split("\n", -1);
        int min = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) min = Math.min(min, lines[i].length() - lines[i].stripLeading().length());
        }
        if (min == Integer.MAX_VALUE || min == 0) return s;
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) out.append('\n').append(lines[i].isBlank() ? "" : lines[i].substring(min));
        return out.toString();
    }

    /** HTML and inline tags to text; runs of blanks are one, except inside {@code <pre>}. */
    private static String prose(String html) {
        String s = inlineTags(html);
        StringBuilder out = new StringBuilder();
        Matcher pre = PRE.matcher(s);
        int from = 0;
        while (pre.find()) {
            out.append(flow(s.substring(from, pre.start())).strip()).append("\n\n");
            out.append(entities(pre.group(1).replaceAll("<[^>]+>", "")).stripTrailing().replaceAll("^\\s*\\n", "")).append("\n\n");
            from = pre.end();
        }
        out.append(flow(s.substring(from)).strip());
        return out.toString().replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String flow(String html) {
        String s = html.replaceAll("\\s+", " ")
                .replaceAll("(?i)</?p[^>]*>|</?(ul|ol|dl|blockquote)[^>]*>", "\n\n")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)<li[^>]*>", "\n- ")
                .replaceAll("<[^>]+>", "");
        return entities(s).replaceAll(" *\\n *", "\n");
    }

    /** {@code {@code x}} and {@code {@literal x}} are x; a link its label or its reference; braces inside nest. */
    private static String inlineTags(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = INLINE.matcher(s);
        int from = 0;
        while (m.find(from)) {
            int end = m.end();
            int depth = 1;
            while (end < s.length() && depth > 0) {
                char c = s.charAt(end++);
                if (c == '{') depth++;
                else if (c == '}') depth--;
            }
            String body = s.substring(m.end(), depth == 0 ? end - 1 : end);
            out.append(s, from, m.start()).append(inline(m.group(1), body));
            from = end;
        }
        return out.append(s.substring(from)).toString();
    }

    private static String inline(String tag, String body) {
        switch (tag) {
            case "code", "literal" -> {
                return body.replace("<", "&lt;").replace(">", "&gt;"); // not markup: kept through the tag stripping
            }
            case "link", "linkplain" -> {
                String[] refAndLabel = body.strip().split("\\s+", 2);
                if (refAndLabel.length > 1) return refAndLabel[1];
                return refAndLabel[0].replaceFirst("^#", "").replace('#', '.');
            }
            case "inheritDoc" -> {
                return "";
            }
            default -> {
                return body.strip();
            }
        }
    }

    private static String entities(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
