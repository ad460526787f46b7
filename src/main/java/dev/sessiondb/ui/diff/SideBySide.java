package dev.sessiondb.ui.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.diff.LongTextDifference;
import dev.sessiondb.diff.RecordDiff;
import dev.sessiondb.diff.TextChanges;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.ui.common.ShownValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lays two records out field by field, down nested objects and arrays with the diff engine's
 * paths ({@code pullRequest.state}, {@code messages[2].content}), and marks each line changed,
 * containing changes, ignored or the same. A changed value says what cannot be seen (a difference only in Unicode
 * normalisation, in invisible characters: shown as escapes) and a long one shows where the two part, and each place
 * when they part in several, as the command line's diff does.
 */
public final class SideBySide {

    public static final String ABSENT = ShownValue.ABSENT;
    private static final String INDENT = "    ";

    private final Set<String> changedPaths;
    private final Set<String> ignoredPaths;
    private final List<FieldRow> rows = new ArrayList<>();

    private SideBySide(Collection<String> changedPaths, Collection<String> ignoredPaths) {
        this.changedPaths = Set.copyOf(changedPaths);
        this.ignoredPaths = Set.copyOf(ignoredPaths);
    }

    /** Two versions of a session (either may be absent) compared by the diff engine and laid out, secrets masked. */
    public static List<FieldRow> compare(Optional<SessionRecord> a, Optional<SessionRecord> b,
                                         Collection<String> ignoredPaths) {
        List<String> changed = a.isPresent() && b.isPresent()
                ? new RecordDiff(Set.copyOf(ignoredPaths)).compare(a.get(), b.get()).stream()
                        .map(change -> SecretMasker.maskText(null, change.path())).toList() // as the masked fields name a token kept as a name
                : List.of();
        return rows(a.map(SessionRecord::maskedFields).orElse(null),
                b.map(SessionRecord::maskedFields).orElse(null), changed, ignoredPaths);
    }

    /**
     * @param a            the first record's fields (masked), or null when it is absent
     * @param b            the second record's fields (masked), or null when it is absent
     * @param changedPaths the paths the diff engine reported
     */
    public static List<FieldRow> rows(JsonNode a, JsonNode b, Collection<String> changedPaths, Collection<String> ignoredPaths) {
        SideBySide layout = new SideBySide(changedPaths, ignoredPaths);
        layout.children("", 0, a, b);
        return layout.rows;
    }

    private void field(String path, String name, int depth, JsonNode a, JsonNode b) {
        FieldRow.State state = state(path, (a == null) != (b == null));
        String textA = text(a);
        String textB = text(b);
        String cellA = textA;
        String cellB = textB;
        LongTextDifference.Parting parting = null;
        TextChanges places = null;
        if (state == FieldRow.State.CHANGED && a != null && b != null && a.isValueNode() && b.isValueNode()) {
            LongTextDifference.Sides sides = LongTextDifference.sides(textA, textB);
            cellA = sides.a();
            cellB = sides.b() + new FieldChange(path, a, b).trailingNote();
            if (LongTextDifference.isLong(textA, textB) && !textA.equals(textB)) {
                parting = LongTextDifference.of(textA, textB).parting();
                places = TextChanges.inSeveralPlaces(textA, textB).orElse(null);
            }
        }
        rows.add(new FieldRow(path, INDENT.repeat(depth) + name, ShownValue.of(cellA), ShownValue.of(cellB), state,
                whole(a, textA), whole(b, textB), parting, places));
        children(path, depth + 1, a, b);
    }

    /** The text a value's own window shows: the whole of a text or a number; nothing for an object, an array or an absent field. */
    private static String whole(JsonNode value, String text) {
        return value != null && value.isValueNode() ? text : null;
    }

    private void children(String path, int depth, JsonNode a, JsonNode b) {
        if (isObject(a) || isObject(b)) {
            Set<String> names = new LinkedHashSet<>();
            if (isObject(a)) {
                a.fieldNames().forEachRemaining(names::add);
            }
            if (isObject(b)) {
                b.fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                field(path.isEmpty() ? name : path + "." + name, name, depth, child(a, name), child(b, name));
            }
        } else if (isArray(a) || isArray(b)) {
            int size = Math.max(isArray(a) ? a.size() : 0, isArray(b) ? b.size() : 0);
            for (int i = 0; i < size; i++) {
                field(path + "[" + i + "]", "[" + i + "]", depth, isArray(a) ? a.get(i) : null, isArray(b) ? b.get(i) : null);
            }
        }
    }

    /** @param oneSided the field is in one record only: a change whatever the engine's paths say */
    private FieldRow.State state(String path, boolean oneSided) {
        if (ignoredPaths.stream().anyMatch(ignored -> isSameOrUnder(path, ignored))) {
            return FieldRow.State.IGNORED;
        }
        if (oneSided || changedPaths.stream().anyMatch(changed -> isSameOrUnder(path, changed))) {
            return FieldRow.State.CHANGED;
        }
        if (changedPaths.stream().anyMatch(changed -> isSameOrUnder(changed, path))) {
            return FieldRow.State.CONTAINS_CHANGES;
        }
        return FieldRow.State.SAME;
    }

    private static boolean isSameOrUnder(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }

    private static String text(JsonNode value) {
        if (value == null) {
            return ABSENT;
        }
        if (value.isObject()) {
            return value.isEmpty() ? "{ }" : "{ " + value.size() + (value.size() == 1 ? " field }" : " fields }");
        }
        if (value.isArray()) {
            return value.isEmpty() ? "[ ]" : "[ " + value.size() + (value.size() == 1 ? " item ]" : " items ]");
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static boolean isObject(JsonNode value) {
        return value != null && value.isObject();
    }

    private static boolean isArray(JsonNode value) {
        return value != null && value.isArray();
    }

    private static JsonNode child(JsonNode parent, String name) {
        return isObject(parent) ? parent.get(name) : null;
    }
}
