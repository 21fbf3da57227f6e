package io.jruns.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Maven module a class was built by: read from where it was loaded (jruns-MODULE-*.jar or MODULE/target/classes). */
final class Modules {
    private static final Pattern TARGET = Pattern.compile("/([a-z-]+)/target/");
    private static final Pattern JAR = Pattern.compile("/jruns-([a-z-]+?)(-\\d[^/]*)?\\.jar");

    private Modules() {
    }

    static Optional<String> of(JavaClass c) {
        return c.getSource().map(s -> s.getUri().toString()).flatMap(uri -> {
            // A jar's name first: the kernel's lib/ folder holds copies of the other modules' jars.
            Matcher j = JAR.matcher(uri);
            if (j.find()) return Optional.of(j.group(1));
            Matcher m = TARGET.matcher(uri);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    static String name(JavaClass c) {
        return of(c).orElse("?");
    }

    /** {@code io.jruns.internal.rest.X} → {@code io.jruns.internal.rest}; null outside internal packages. */
    static String internalPackage(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith("io.jruns.internal.")) return null;
        int dot = p.indexOf('.', "io.jruns.internal.".length());
        return dot < 0 ? p : p.substring(0, dot);
    }
}
