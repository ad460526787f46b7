package dev.sessiondb.store.json;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a read through a JSON file does to check it on the way ({@link CheckedFile.WhileReading})
 * when it was not checked yet, so that a job's one pass reads the file once.
 */
final class ReadCheck {

    /** Null when the file was checked already, or once this read's check is done. */
    private CheckedFile.WhileReading check;
    private final Consumer<CheckedFile> checked;

    private ReadCheck(CheckedFile.WhileReading check, Consumer<CheckedFile> checked) {
        this.check = check;
        this.checked = checked;
    }

    /** For a file already checked. */
    static ReadCheck none() {
        return new ReadCheck(null, done -> { });
    }

    /** Checks {@code file} as {@link CheckedFile#check} does; a sound file is handed to {@code checked}. */
    static ReadCheck of(Path file, Consumer<CheckedFile> checked) {
        return new ReadCheck(new CheckedFile.WhileReading(file), checked);
    }

    /**
     * After each record, with its key; with null after the last one, which ends the check: a key
     * found twice fails it, naming both records.
     */
    void read(String key, JsonRecordReader reader) {
        if (check == null) {
            return;
        }
        if (key != null) {
            check.add(key);
        } else {
            CheckedFile sound = check.finish(reader.shape());
            check = null;
            checked.accept(sound);
        }
    }
}
