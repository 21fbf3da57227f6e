package io.jruns.kernel.doc;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Doc comments of jruns's own API, which JShell cannot show: it reads sources only from the
 * JDK's src.zip. The kernel jar carries the sources of {@code io.jruns} and {@code io.jruns.domain}
 * (under {@code jruns-api-sources/}); a class's file is parsed, not compiled, the first time
 * one of its names is asked for. Signatures are JShell's:
 * {@code void Jruns.logMetric(String key, double value)}, {@code io.jruns.Jruns}.
 */
public final class ApiSources {
    static final String ROOT = "jruns-api-sources/";
    private static final List<String> PACKAGES = List.of("io/jruns/", "io/jruns/domain/");
    private static final Pattern CALL = Pattern.compile("([\\w$.]+)\\((.*)\\)(\\s+throws.*)?");
    private static final Pattern TYPE = Pattern.compile("[\\w$]+(\\.[\\w$]+)*");

    /** Doc comment by key: a class's simple name, or {@code Class.method(Type,Type)} with simple, erased types. */
    private final Map<String, String> docs = new HashMap<>();
    private final Set<String> parsed = new HashSet<>();

    /** The doc comment of what {@code signature} names, when it is part of jruns's API and has one. */
    public synchronized Optional<String> javadoc(String signature) {
        String s = signature.strip();
        Matcher call = CALL.matcher(s.substring(s.lastIndexOf(' ', Math.max(0, s.indexOf('('))) + 1));
        if (call.matches()) {
            String member = call.group(1);
            String owner = member.substring(0, Math.max(0, member.lastIndexOf('.')));
            parseFilesOf(owner);
            return Optional.ofNullable(docs.get(simple(owner) + "." + simple(member)
                    + "(" + String.join(",", types(call.group(2))) + ")"));
        }
        if (!TYPE.matcher(s).matches()) return Optional.empty();
        parseFilesOf(s);
        return Optional.ofNullable(docs.get(simple(s)));
    }

    /** The files a (possibly nested, possibly qualified) class name may be declared in: {@code Outer.Inner} is in Outer's. */
    private void parseFilesOf(String typeName) {
        for (String part : typeName.split("\\.")) {
            if (part.isEmpty() || !Character.isUpperCase(part.charAt(0)) || !parsed.add(part)) continue;
            for (String pkg : PACKAGES) {
                try (InputStream in = ApiSources.class.getClassLoader().getResourceAsStream(ROOT + pkg + part + ".java")) {
                    if (in != null) parse(new Source(pkg + part + ".java", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void parse(Source file) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
        Trees trees = Trees.instance(task);
        for (CompilationUnitTree unit : task.parse()) collect(unit, trees, docs);
    }

    private static void collect(CompilationUnitTree unit, Trees trees, Map<String, String> out) {
        new TreePathScanner<Void, String>() {
            @Override
            public Void visitClass(ClassTree c, String outer) {
                put(c.getSimpleName().toString());
                return super.visitClass(c, c.getSimpleName().toString());
            }

            @Override
            public Void visitMethod(MethodTree m, String owner) {
                List<String> params = new ArrayList<>();
                for (VariableTree p : m.getParameters()) params.add(erased(p.getType().toString()));
                put(owner + "." + m.getName() + "(" + String.join(",", params) + ")");
                return null; // a method's body declares nothing of the API
            }

            private void put(String key) {
                String doc = trees.getDocComment(getCurrentPath());
                if (doc != null && !doc.isBlank()) out.putIfAbsent(key, doc);
            }
        }.scan(new TreePath(unit), "");
    }

    /** Parameter types of a JShell signature's list ({@code Map<String, ?> tags, long step}): erased, simple. */
    static List<String> types(String params) {
        List<String> out = new ArrayList<>();
        String flat = params.replaceAll("@[\\w.]+\\s+", "");
        while (flat.contains("<")) flat = flat.replaceAll("<[^<>]*>", "");
        for (String p : flat.split(",")) {
            if (p.isBlank()) continue;
            String type = p.strip().split("\\s+")[0];
            out.add(erased(type));
        }
        return out;
    }

    private static String erased(String type) {
        String t = type.replaceAll("@[\\w.]+\\s+", "");
        while (t.contains("<")) t = t.replaceAll("<[^<>]*>", "");
        t = t.replace("...", "[]").replaceAll("\\s+", "");
        String base = t.replaceAll("(\\[])+$", "");
        return simple(base) + t.substring(base.length());
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
