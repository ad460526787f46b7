package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * Secrets kept inside records (a GitHub token in {@code github.token}): every export and
 * backup of the store carries them. Repair removes those kept in object fields; one inside
 * an array needs a person.
 */
final class SecretInRecordCheck implements Check {

    @Override
    public String name() {
        return "secret-in-record";
    }

    @Override
    public boolean inspectsOnReadingThread() {
        return true;
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        for (String path : record.secretPaths()) {
            String message = "a secret is stored in " + path;
            if (path.contains("[")) {
                findings.accept(Finding.of(this, Severity.ERROR, record.key(), message, "remove it from the record by hand and revoke it"));
            } else {
                findings.accept(Finding.repairable(this, Severity.ERROR, record.key(), message,
                        "remove it from the record and revoke it; tools read tokens from their config or environment (Minsky: GITHUB_TOKEN)",
                        List.of(FieldEdit.remove(path))));
            }
        }
    }
}
