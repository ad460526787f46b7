package dev.sessiondb.store.json;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.PrefetchingCursor;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Every record of a JSON file in file order, read as it goes. */
final class JsonFileCursor extends PrefetchingCursor {

    private final JsonRecordReader reader;
    /** Null when the file was checked already, or once this read's check is done. */
    private CheckedFile.WhileReading check;
    private final Consumer<CheckedFile> checked;

    private JsonFileCursor(Path file, CheckedFile.WhileReading check, Consumer<CheckedFile> checked) {
        this.check = check;
        this.checked = checked;
        this.reader = JsonRecordReader.open(file);
    }

    /** Over a file already checked. */
    static JsonFileCursor reading(Path file) {
        return new JsonFileCursor(file, null, done -> { });
    }

    /**
     * Checks the file as {@link CheckedFile#check} does while reading it: a key found twice fails
     * the read after the last record, naming both; a sound file is handed to {@code checked}.
     */
    static JsonFileCursor checking(Path file, Consumer<CheckedFile> checked) {
        return new JsonFileCursor(file, new CheckedFile.WhileReading(file), checked);
    }

    @Override
    protected SessionRecord fetch() {
        SessionRecord record = reader.next();
        if (check != null) {
            if (record != null) {
                check.add(record.key());
            } else {
                CheckedFile sound = check.finish(reader.shape());
                check = null;
                checked.accept(sound);
            }
        }
        return record;
    }

    @Override
    public void close() {
        reader.close();
    }
}
