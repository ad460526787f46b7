package dev.sessiondb.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A diff result kept in temp files (removed on close, or at exit when interrupted), one per part, so a report can list only-in-A, then
 * only-in-B, then changed sessions for stores of any size. Changes are masked before they
 * are kept: no secret reaches the disk or the screen. The changed sessions stay in memory
 * until they hold about {@link #DEFAULT_HELD_CHARS} characters of paths and values, and go to
 * their file only beyond: a diff with a few thousand changes neither writes them as JSON nor
 * parses them back (at 1M with 1% changed, that round trip was most of what the JIT compiled).
 */
public final class SpooledDiff implements DiffListener, AutoCloseable {

    /** Characters of changed paths and values held in memory before they spill to the file (tens of MB of heap). */
    public static final long DEFAULT_HELD_CHARS = 4L * 1024 * 1024;

    private final long heldCharsLimit;
    private final List<SessionChange> held = new ArrayList<>();
    private long heldChars;
    private boolean spilled;
    private final Path onlyInA;
    private final Path onlyInB;
    private final Path changed;
    private final BufferedWriter onlyInAWriter;
    private final BufferedWriter onlyInBWriter;
    private final BufferedWriter changedWriter;

    public SpooledDiff() {
        this(DEFAULT_HELD_CHARS);
    }

    /** @param heldCharsLimit characters of changes held in memory before spilling; tests make it small to exercise the file */
    public SpooledDiff(long heldCharsLimit) {
        this.heldCharsLimit = heldCharsLimit;
        try {
            onlyInA = Files.createTempFile("sessiondb-diff-a-", ".jsonl");
            onlyInB = Files.createTempFile("sessiondb-diff-b-", ".jsonl");
            changed = Files.createTempFile("sessiondb-diff-changed-", ".jsonl");
            for (Path file : List.of(onlyInA, onlyInB, changed)) {
                file.toFile().deleteOnExit();
            }
            onlyInAWriter = Files.newBufferedWriter(onlyInA, StandardCharsets.UTF_8);
            onlyInBWriter = Files.newBufferedWriter(onlyInB, StandardCharsets.UTF_8);
            changedWriter = Files.newBufferedWriter(changed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the diff's temporary files: " + e.getMessage(), e);
        }
    }

    @Override
    public void onlyInA(String session) {
        write(onlyInAWriter, JsonNodeFactory.instance.textNode(session));
    }

    @Override
    public void onlyInB(String session) {
        write(onlyInBWriter, JsonNodeFactory.instance.textNode(session));
    }

    @Override
    public void changed(SessionChange change) {
        SessionChange masked = change.masked();
        if (!spilled) {
            heldChars += masked.heldChars();
            if (heldChars <= heldCharsLimit) {
                held.add(masked);
                return;
            }
            held.forEach(this::spill);
            held.clear();
            spilled = true;
        }
        spill(masked);
    }

    private void spill(SessionChange masked) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("session", masked.session());
        ArrayNode fields = json.putArray("fields");
        for (FieldChange field : masked.fields()) {
            // an absent side has no key: a JSON null is a value, and a change from it to absent is a change
            ObjectNode entry = fields.addObject().put("path", field.path());
            if (field.a() != null) {
                entry.set("a", field.a());
            }
            if (field.b() != null) {
                entry.set("b", field.b());
            }
        }
        write(changedWriter, json);
    }

    public void forEachOnlyInA(Consumer<String> action) {
        replay(onlyInA, onlyInAWriter, node -> action.accept(node.asText()));
    }

    public void forEachOnlyInB(Consumer<String> action) {
        replay(onlyInB, onlyInBWriter, node -> action.accept(node.asText()));
    }

    /** Changed sessions, already masked; an absent field has a null value, a JSON null a {@code NullNode}. */
    public void forEachChanged(Consumer<SessionChange> action) {
        if (!spilled) {
            held.forEach(action);
            return;
        }
        replay(changed, changedWriter, node -> {
            List<FieldChange> fields = new ArrayList<>();
            node.path("fields").forEach(field -> fields.add(new FieldChange(field.path("path").asText(), field.get("a"), field.get("b"))));
            action.accept(new SessionChange(node.path("session").asText(), fields));
        });
    }

    @Override
    public void close() {
        try {
            onlyInAWriter.close();
            onlyInBWriter.close();
            changedWriter.close();
            Files.deleteIfExists(onlyInA);
            Files.deleteIfExists(onlyInB);
            Files.deleteIfExists(changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(BufferedWriter writer, JsonNode line) {
        try {
            writer.write(JsonCodec.compact(line));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the diff's temporary file: " + e.getMessage(), e);
        }
    }

    private static void replay(Path file, BufferedWriter writer, Consumer<JsonNode> action) {
        try {
            writer.flush();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    action.accept(JsonCodec.parse(line));
                }
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the diff's temporary file " + file + " is damaged: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the diff's temporary file " + file + ": " + e.getMessage(), e);
        }
    }
}
