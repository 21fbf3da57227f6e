package io.jruns.store;

import java.util.concurrent.ThreadLocalRandom;

/** Readable default run names ("brave-otter-417"), as MLflow gives runs started without one. */
public final class RunNames {
    private static final String[] ADJECTIVES = {
        "able", "bold", "brave", "bright", "calm", "clever", "crisp", "eager", "fair", "gentle", "glad", "grand",
        "keen", "kind", "lively", "loud", "lucky", "merry", "neat", "nimble", "proud", "quick", "quiet", "rare",
        "sharp", "shy", "silent", "sleek", "smart", "steady", "swift", "tidy", "vast", "warm", "wise", "zesty"};
    private static final String[] NOUNS = {
        "ant", "bass", "bear", "bee", "crab", "crane", "deer", "dove", "eel", "elk", "finch", "fox", "frog",
        "gull", "hare", "hawk", "heron", "ibis", "koi", "lark", "lynx", "mole", "moth", "newt", "otter", "owl",
        "panda", "quail", "robin", "seal", "shark", "snail", "swan", "toad", "trout", "whale", "wolf", "wren"};

    private RunNames() {
    }

    public static String generate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return ADJECTIVES[r.nextInt(ADJECTIVES.length)] + "-" + NOUNS[r.nextInt(NOUNS.length)] + "-" + r.nextInt(1000);
    }
}
