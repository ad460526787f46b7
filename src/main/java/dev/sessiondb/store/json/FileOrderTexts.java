package dev.sessiondb.store.json;

import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.KeysOutOfOrder;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.TextCursor;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A JSON file's records as their compact texts in file order, in one read, for as long as their
 * keys come in binary key order (a file this tool wrote keeps them so): a key not after the one
 * before stops the read with {@link KeysOutOfOrder}, a repeated key too, for the reader to take
 * the file's texts in key order instead ({@link KeyOrderedTexts}). The spans are found on a
 * thread of their own, the texts taken on the caller's. As there, the file must not change
 * while its texts are taken.
 */
final class FileOrderTexts implements TextCursor {

    private static final int CHECK_EVERY = 1 << 16;

    private final Path file;
    private final TextsInPlace texts;
    /** The spans, found on a thread of their own while this one takes their texts: the parse alone keeps a core busy. */
    private final ReadAhead<RecordSpans.Span> spans;
    private String previousKey;
    private long taken;
    private boolean checkedAtEnd;

    private FileOrderTexts(Path file, TextsInPlace texts, RecordSpans spans) {
        this.file = file;
        this.texts = texts;
        this.spans = ReadAhead.mapped(spans, Function.identity());
        texts.mapFor(TextsInPlace.ANY_LENGTH);
    }

    /** Empty, having read nothing, for a file whose records have no byte spans (UTF-16 or UTF-32). */
    static Optional<TextCursor> open(Path file, Supplier<RecordSpans> spans) {
        // opened before the read: every text taken must come from the file that is read
        TextsInPlace texts = new TextsInPlace(file);
        RecordSpans opened = null;
        try {
            opened = spans.get();
            if (opened.givesSpans()) {
                return Optional.of(new FileOrderTexts(file, texts, opened));
            }
            opened.close();
            texts.close();
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            if (opened != null) {
                opened.close();
            }
            texts.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (spans.hasNext()) {
            return true;
        }
        if (!checkedAtEnd) {
            texts.requireUnchanged();
            checkedAtEnd = true;
        }
        return false;
    }

    @Override
    public KeyedText next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (taken++ % CHECK_EVERY == 0) {
            texts.requireUnchanged();
        }
        RecordSpans.Span span = spans.next();
        String key = span.key();
        if (previousKey != null && BinaryKeyOrder.compare(previousKey, key) >= 0) {
            throw new KeysOutOfOrder(file.toString(), key, previousKey);
        }
        previousKey = key;
        byte[] text = texts.take(span.start(), span.end());
        return new KeyedText(key, text, () -> texts.parse(key, text));
    }

    @Override
    public void close() {
        spans.close();
        texts.close();
    }
}
