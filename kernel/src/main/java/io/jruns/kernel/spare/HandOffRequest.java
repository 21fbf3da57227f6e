package io.jruns.kernel.spare;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a launcher sends a spare: one line of JSON with the connection file, its directory and environment. */
record HandOffRequest(Path connectionFile, Path cwd, Map<String, String> env) {

    static HandOffRequest parse(String line) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        Map<String, String> env = new LinkedHashMap<>();
        o.getAsJsonObject("env").entrySet().forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
        return new HandOffRequest(Path.of(o.get("connection_file").getAsString()), Path.of(o.get("cwd").getAsString()), env);
    }

    /**
     * Why this spare cannot serve the launch, if it cannot: the notebook's code would see another
     * directory (where the spare cannot move) or other variables than a kernel started for it.
     * The digest in the socket's name already routes launches; this is the exact check behind it.
     *
     * @param canTake whether the spare can take the launch's {@link SpareConfig#TAKEN} variables
     * @param canMove whether it can move to the launch's directory
     */
    Optional<String> mismatch(Path spareCwd, Map<String, String> spareEnv, boolean canTake, boolean canMove) {
        if (!cwd.equals(spareCwd) && !canMove) {
            return Optional.of("working directory " + cwd + " is not the spare's " + spareCwd);
        }
        Map<String, String> mine = SpareConfig.comparable(spareEnv, canTake);
        Map<String, String> theirs = SpareConfig.comparable(env, canTake);
        if (!mine.equals(theirs)) {
            String name = mine.keySet().stream().filter(k -> !mine.get(k).equals(theirs.get(k))).findFirst()
                    .orElseGet(() -> theirs.keySet().stream().filter(k -> !mine.containsKey(k)).findFirst().orElse("?"));
            return Optional.of("environment variable " + name + " differs");
        }
        return Optional.empty();
    }

    /** The launch's {@link SpareConfig#TAKEN} variables, null for those it lacks. */
    Map<String, String> taken() {
        Map<String, String> m = new TreeMap<>();
        SpareConfig.TAKEN.forEach(k -> m.put(k, env.get(k)));
        return m;
    }
}
