package io.jruns.transfer;

import io.jruns.store.Progress;
import io.jruns.store.Store;
import io.jruns.store.StoreReader;

import java.nio.file.Path;
import java.util.function.Predicate;

/** Moving runs between stores: export to MLflow's file layout, import from it, copy store to store. */
public final class Transfers {
    private Transfers() {
    }

    public static TransferReport export(StoreReader from, Path dir, Selection selection, Progress progress) {
        return MlrunsExport.export(from, dir, selection, progress);
    }

    /** Reads a folder in MLflow's file-store layout (jruns export or MLflow's mlruns) into {@code to}. */
    public static TransferReport importDir(Path dir, Store to, Selection selection, Progress progress) {
        return importDir(dir, to, uri -> false, selection, progress);
    }

    /** {@code isTarget}: whether a tracking URI is {@code to}'s, so runs that are copies of its runs are not copied back. */
    public static TransferReport importDir(Path dir, Store to, Predicate<String> isTarget, Selection selection, Progress progress) {
        MlrunsStore source = new MlrunsStore(dir);
        return new RunCopier(source, source.uri(), to, isTarget, progress).copy(selection).withLeftOut(source.leftOut());
    }

    public static TransferReport copy(StoreReader from, String fromUri, Store to, Selection selection, Progress progress) {
        return copy(from, fromUri, to, uri -> false, selection, progress);
    }

    /** As {@link #importDir(Path, Store, Predicate, Selection, Progress)} for {@code isTarget}. */
    public static TransferReport copy(StoreReader from, String fromUri, Store to, Predicate<String> isTarget,
                                      Selection selection, Progress progress) {
        return new RunCopier(from, fromUri, to, isTarget, progress).copy(selection);
    }
}
