package dev.sessiondb.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder seen a second time, read-only, through a bind mount: what another user's folder is to a reader who may not
 * write it, while its owner still writes it through the first path. Needs root with mount rights, as {@link TmpfsMount}.
 */
final class ReadOnlyView implements AutoCloseable {

    private final Path view;

    private ReadOnlyView(Path view) {
        this.view = view;
    }

    /** Shows {@code folder} read-only at {@code view} (created if missing). */
    static ReadOnlyView of(Path folder, Path view) throws IOException {
        Files.createDirectories(view);
        TmpfsMount.run("mount", "--bind", folder.toString(), view.toString());
        TmpfsMount.run("mount", "-o", "remount,bind,ro", view.toString());
        return new ReadOnlyView(view);
    }

    Path folder() {
        return view;
    }

    @Override
    public void close() {
        TmpfsMount.run("umount", "-l", view.toString());
    }
}
