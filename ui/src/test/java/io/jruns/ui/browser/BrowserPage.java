package io.jruns.ui.browser;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One browser tab driven over DevTools: opens a page, evaluates DOM queries, takes
 * screenshots of elements, and lists what went wrong on the page (console errors, uncaught
 * exceptions, error log entries, JavaScript dialogs such as an injected alert).
 */
public final class BrowserPage {
    private final DevTools devTools;
    private final String session;

    public BrowserPage(DevTools devTools, int width, int height) throws Exception {
        this.devTools = devTools;
        String target = devTools.send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        session = devTools.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asText();
        for (String domain : List.of("Page", "Runtime", "Log")) devTools.send(session, domain + ".enable", Map.of());
        devTools.send(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Navigates and waits for the load event, then lets late scripts (MathJax) settle. */
    public void open(Path file) throws Exception {
        int mark = devTools.events.size();
        devTools.send(session, "Page.navigate", Map.of("url", file.toUri().toString()));
        devTools.await("Page.loadEventFired", mark, 60_000);
        Thread.sleep(1500);
    }

    /** Navigates to a URL (a jruns ui page) and waits for the load event. */
    public void open(String url) throws Exception {
        int mark = devTools.events.size();
        devTools.send(session, "Page.navigate", Map.of("url", url));
        devTools.await("Page.loadEventFired", mark, 60_000);
    }

    /**
     * A real click: the mouse pressed and released at the centre of the first element matching
     * the selector (scrolled into view), as a person clicks; a navigation it starts is waited for.
     */
    public void click(String selector) throws Exception {
        JsonNode box = eval("(() => { const e = document.querySelector(" + js(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) throw new AssertionError("nothing to click: no element " + selector);
        for (String type : List.of("mousePressed", "mouseReleased")) {
            devTools.send(session, "Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x").asDouble(),
                    "y", box.get("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    /** Clicks, then waits for the page it opens to load. */
    public void clickAndWait(String selector) throws Exception {
        int mark = devTools.events.size();
        click(selector);
        devTools.await("Page.loadEventFired", mark, 30_000);
    }

    /** Focuses the element and types the text as keyboard input (replacing what a text field held). */
    public void type(String selector, String text) throws Exception {
        eval("(() => { const e = document.querySelector(" + js(selector) + "); e.focus(); if ('value' in e) e.value = ''; })()");
        devTools.send(session, "Input.insertText", Map.of("text", text));
    }

    /** Presses Enter in the focused element (submits a form as a person does). */
    public void pressEnter() throws Exception {
        for (String type : List.of("keyDown", "keyUp")) {
            devTools.send(session, "Input.dispatchKeyEvent", Map.of("type", type, "key", "Enter", "code", "Enter",
                    "windowsVirtualKeyCode", 13, "text", "\r"));
        }
    }

    /** Waits until a JavaScript expression is true (e.g. a row appeared after a fetch). */
    public void waitFor(String expression, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (eval("!!(" + expression + ")").asBoolean()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("not true within " + timeoutMillis + " ms: " + expression + "\nproblems: " + problems());
    }

    /** Screenshots the whole visible page. */
    public void screenshot(Path file) throws Exception {
        JsonNode shot = devTools.send(session, "Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** The value of a JavaScript expression; an exception in it fails the test. */
    public JsonNode eval(String expression) throws Exception {
        JsonNode r = devTools.send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) throw new AssertionError("evaluating " + expression + ": " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    public long count(String selector) throws Exception {
        return eval("document.querySelectorAll(" + js(selector) + ").length").asLong();
    }

    /** Screenshots the n-th element matching the selector, at most {@code maxHeight} pixels of it. */
    public void screenshot(String selector, int n, Path file, int maxHeight) throws Exception {
        JsonNode box = eval("(() => { const e = document.querySelectorAll(" + js(selector) + ")[" + n + "];"
                + " if (!e) return null; e.scrollIntoView(); const r = e.getBoundingClientRect();"
                + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height}; })()");
        if (box.isNull() || box.isMissingNode()) throw new AssertionError("no element " + n + " for " + selector);
        double pad = 6;
        Map<String, Object> clip = Map.of("x", Math.max(0, box.get("x").asDouble() - pad), "y", Math.max(0, box.get("y").asDouble() - pad),
                "width", Math.ceil(box.get("w").asDouble() + 2 * pad), "height", Math.ceil(Math.min(maxHeight, box.get("h").asDouble() + 2 * pad)),
                "scale", 1);
        JsonNode shot = devTools.send(session, "Page.captureScreenshot",
                Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Everything that went wrong on this tab so far, one line each. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (DevTools.Event e : devTools.events) {
            if (!session.equals(e.sessionId())) continue;
            JsonNode p = e.params();
            switch (e.method()) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) out.add("console." + type + ": " + p.path("args"));
                }
                case "Runtime.exceptionThrown" -> out.add("uncaught: " + p.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) out.add("log error: " + p.path("entry"));
                }
                case "Page.javascriptDialogOpening" -> out.add("a dialog opened (script ran): " + p.path("message").asText());
                default -> {
                }
            }
        }
        return out;
    }

    public static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
