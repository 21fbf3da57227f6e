package io.jruns.views;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Parses SVG output as XML (so it must be well-formed) and counts what it holds. */
public final class SvgDocs {
    private SvgDocs() {
    }

    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** Elements of this name that carry a run's tooltip (a {@code <title>} child). */
    public static int count(String svg, String element) {
        NodeList all = parse(svg).getElementsByTagName(element);
        int n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            NodeList kids = all.item(i).getChildNodes();
            for (int k = 0; k < kids.getLength(); k++) if ("title".equals(kids.item(k).getNodeName())) n++;
        }
        return n;
    }

    public static int elements(String svg, String element) {
        return parse(svg).getElementsByTagName(element).getLength();
    }
}
