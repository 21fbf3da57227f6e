package io.jruns.kernel.classpath;

import java.nio.file.Path;

/**
 * A jar or folder the notebook added to its class path.
 *
 * @param path   absolute path
 * @param origin how it came: {@code %maven group:artifact:version} or {@code %jars PATTERN}
 */
public record ClasspathEntry(Path path, String origin) { }
