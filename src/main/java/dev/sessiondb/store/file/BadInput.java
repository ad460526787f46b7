package dev.sessiondb.store.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.JsonLimits;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** User-facing errors for a store file that cannot be read: file, position, cause, and what to do. */
public final class BadInput {

    /** Jackson's words for a name repeated in one object ({@link dev.sessiondb.model.JsonCodec#FILE_TREE_READER}). */
    private static final Pattern REPEATED_NAME = Pattern.compile("Duplicate field '(.*)' for `ObjectNode`");

    /** What every read error tells the user: we touched nothing, and how to get out. */
    public static final String ADVICE = "the file was not changed; fix it or restore a backup";

    private BadInput() {
    }

    /** A step that reads a store file. */
    public interface Reading<T> {
        T run() throws IOException;
    }

    /** Runs a reading step, turning Jackson and I/O failures into messages naming the file and position. */
    public static <T> T reading(Path file, Reading<T> step) {
        try {
            return step.run();
        } catch (JsonProcessingException e) {
            throw notJson(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** A problem at a position in a file. */
    public static StoreException at(Path file, JsonLocation location, String problem) {
        return new StoreException(file + ": " + problem + " at " + position(location) + "; " + ADVICE);
    }

    /**
     * The file is not valid JSON: one position and Jackson's reason, without its source excerpt, parser state or the text it
     * quotes ({@link JsonCodec#problem}), and a cause that does not quote it either: the message and the log name only where.
     */
    public static StoreException notJson(Path file, JsonProcessingException cause) {
        return notJson(file, null, null, cause);
    }

    /**
     * As {@link #notJson(Path, JsonProcessingException)}, naming the {@code record} the fault is in ("record 2 (line 3)") and, for
     * a syntax error, the {@code field} it is in or after (masked as a name is); either null when not known.
     */
    public static StoreException notJson(Path file, String record, String field, JsonProcessingException cause) {
        String inRecord = record == null ? "" : record + ": ";
        Matcher repeated = REPEATED_NAME.matcher(cause.getOriginalMessage());
        if (repeated.lookingAt()) {
            return new StoreException(file + ": " + inRecord + "field '" + SecretMasker.maskText(null, repeated.group(1)) + "' appears twice in one object at "
                    + position(cause.getLocation()) + " (JSON tools keep only the last value, so nothing reads the first; remove the one you do not want); "
                    + ADVICE, cause);
        }
        boolean cutOff = cause instanceof JsonEOFException;
        String reason = cutOff ? "the file ends before its JSON is complete; it was probably cut off while being written" : JsonCodec.problem(cause);
        String inField = field == null || cutOff ? "" : ", in or after field '" + SecretMasker.maskText(null, field) + "'";
        return new StoreException(file + ": " + inRecord + "not valid JSON at " + position(cause.getLocation()) + inField + " (" + reason + "); " + ADVICE,
                JsonCodec.withoutQuotedText(cause));
    }

    /**
     * Valid JSON holding a value past a {@linkplain JsonLimits limit}: the file, the record ({@code record}, null outside one),
     * the field and the limit, never called broken.
     */
    public static StoreException beyondLimit(Path file, String record, JsonLimits.BeyondLimitException beyond) {
        return new StoreException(file + ": " + (record == null ? "" : record + ": ") + beyond.getMessage() + "; " + JsonLimits.BeyondLimitException.advice()
                + "; the file was not changed", beyond);
    }

    public static StoreException unreadable(Path file, Exception cause) {
        return new StoreException(file + ": cannot read the file (" + cause.getMessage()
                + "); check that it exists and is readable", cause);
    }

    public static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
