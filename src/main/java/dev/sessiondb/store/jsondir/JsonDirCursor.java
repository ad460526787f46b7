package dev.sessiondb.store.jsondir;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.PrefetchingCursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** The sessions of a directory store in file-name order, one file read at a time. */
final class JsonDirCursor extends PrefetchingCursor {

    private final Iterator<Path> files;

    JsonDirCursor(List<Path> files) {
        this.files = files.iterator();
    }

    @Override
    protected SessionRecord fetch() {
        while (files.hasNext()) {
            Path file = files.next();
            if (Files.exists(file)) { // a writer may have deleted it since the listing
                return SessionFile.read(file);
            }
        }
        return null;
    }

    @Override
    public void close() {
        // Each file is closed as soon as it is read.
    }
}
