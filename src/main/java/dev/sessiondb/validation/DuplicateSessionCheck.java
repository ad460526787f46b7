package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Session keys that collide once normalised: case, surrounding space and Unicode form are
 * ignored, and a task-like key stands for its task ({@code task#027}, {@code #27} and
 * {@code 027} are all task 27). The first key of each group is kept quiet; every later one
 * is reported: an error when it is the very same key, a warning when only normalisation joins them.
 */
final class DuplicateSessionCheck implements Check {

    /** Every normalised key and the first key that had it: the one key set this check needs. */
    private final Map<String, String> firstKeys = new HashMap<>();
    private final Map<String, List<String>> collisions = new HashMap<>();
    private final Set<String> seenInInspect = new HashSet<>();

    @Override
    public String name() {
        return "duplicate-session";
    }

    @Override
    public boolean needsSurvey() {
        return true;
    }

    @Override
    public void survey(SessionRecord record) {
        String normalised = normalised(record.key());
        String first = firstKeys.putIfAbsent(normalised, record.key());
        if (first != null) {
            collisions.computeIfAbsent(normalised, key -> new ArrayList<>(List.of(first))).add(record.key());
        }
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        String normalised = normalised(record.key());
        List<String> group = collisions.get(normalised);
        if (group == null || seenInInspect.add(normalised)) {
            return;
        }
        String first = firstKeys.get(normalised);
        if (first.equals(record.key())) {
            findings.accept(Finding.of(this, Severity.ERROR, record.key(), "session '" + record.key() + "' appears more than once ("
                    + group.stream().filter(first::equals).count() + " records); a lookup returns only one of them",
                    "keep one record: merge the others into it and delete them"));
        } else {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), "session '" + record.key() + "' collides with '" + first
                    + "' once normalised (" + normalised + "); lookups may find either",
                    "keep one of " + String.join(", ", group) + ", or rename the others apart"));
        }
    }

    static String normalised(String key) {
        String text = Normalizer.normalize(key.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return TaskId.parse(text).map(task -> "task " + task.qualified()).orElse(text);
    }
}
