package io.jruns.views.html;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The views write well-formed markup, so tests parse it as XML: an unescaped user string
 * would show up as an element here (or break the parse), never pass unnoticed.
 */
final class Xhtml {
    private Xhtml() {
    }

    static Document parse(String html) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(("<root>" + html + "</root>").getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + html, e);
        }
    }

    static List<Element> all(Document d, String tag) {
        NodeList n = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) out.add((Element) n.item(i));
        return out;
    }

    /** Elements that have the class (among others). */
    static List<Element> withClass(Document d, String tag, String cls) {
        return all(d, tag).stream().filter(e -> (" " + e.getAttribute("class") + " ").contains(" " + cls + " ")).toList();
    }
}
