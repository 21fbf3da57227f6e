package io.jruns.kernel.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which Maven settings {@code %maven} honours, found the way {@code mvn} finds them.
 *
 * @param userSettings        {@code ~/.m2/settings.xml}, or {@code -Djruns.maven.settings=FILE} or
 *                            {@code JRUNS_MAVEN_SETTINGS=FILE} (like {@code mvn -s}); may not exist
 * @param globalSettings      {@code $MAVEN_HOME/conf/settings.xml}, or null
 * @param localRepository     {@code -Dmaven.repo.local} override, or null to use the settings' (else ~/.m2/repository)
 */
public record ResolverSettings(Path userSettings, Path globalSettings, Path localRepository) {

    public static ResolverSettings defaults() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"),
                System.getProperty("jruns.maven.settings", System.getenv("JRUNS_MAVEN_SETTINGS")),
                System.getProperty("maven.repo.local"));
    }

    static ResolverSettings fromEnvironment(Map<String, String> env, String userHome, String settingsProp, String repoProp) {
        Path user = settingsProp != null ? Path.of(settingsProp) : Path.of(userHome, ".m2", "settings.xml");
        Path global = null;
        for (String var : new String[] {"MAVEN_HOME", "M2_HOME"}) {
            String home = env.get(var);
            if (home != null && Files.isRegularFile(Path.of(home, "conf", "settings.xml"))) {
                global = Path.of(home, "conf", "settings.xml");
                break;
            }
        }
        return new ResolverSettings(user, global, repoProp == null ? null : Path.of(repoProp));
    }

    /** The local repository when the settings name none. */
    public static Path defaultLocalRepository() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
