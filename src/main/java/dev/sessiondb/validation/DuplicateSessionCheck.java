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
 * {@code 027} are all task 27). In each group the smallest key is kept quiet, so the
 * findings do not depend on the order a store returns its records; every other key is
 * reported, and a key that appears more than once is an error.
 */
final class DuplicateSessionCheck implements Check {

    /** Every normalised key and the first key that had it: the one key set this check needs. */
    private final FirstKeys firstKeys = new FirstKeys();
    /** Of each normalised key more than one key had: those keys, and the smallest of them. */
    private final Map<String, List<String>> collisions = new HashMap<>();
    private final Map<String, String> keptKeys = new HashMap<>();
    private final Set<String> keptKeysSeen = new HashSet<>();

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
        if (first == null) {
            return;
        }
        collisions.computeIfAbsent(normalised, key -> new ArrayList<>(List.of(first))).add(record.key());
        String kept = keptKeys.getOrDefault(normalised, first);
        keptKeys.put(normalised, record.key().compareTo(kept) < 0 ? record.key() : kept);
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        if (collisions.isEmpty()) {
            return;
        }
        String normalised = normalised(record.key());
        List<String> group = collisions.get(normalised);
        if (group == null) {
            return;
        }
        String kept = keptKeys.get(normalised);
        if (!kept.equals(record.key())) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), "session '" + record.key() + "' collides with '" + kept
                    + "' once normalised (" + normalised + "); lookups may find either",
                    "keep one of " + String.join(", ", group.stream().sorted().distinct().toList()) + ", or rename the others apart"));
        } else if (!keptKeysSeen.add(normalised)) {
            findings.accept(Finding.of(this, Severity.ERROR, record.key(), "session '" + record.key() + "' appears more than once ("
                    + group.stream().filter(kept::equals).count() + " records); a lookup returns only one of them",
                    "keep one record: merge the others into it and delete them"));
        }
    }

    static String normalised(String key) {
        String text = Normalizer.normalize(key.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return TaskId.parse(text).map(task -> "task " + task.qualified()).orElse(text);
    }
}
