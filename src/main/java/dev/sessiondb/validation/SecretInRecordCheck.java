package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * Secrets kept inside records (a GitHub token in {@code github.token}, a password in a
 * repository URL): every export and backup of the store carries them. Repair removes a field
 * that is a secret and keeps the rest of a value that holds one (a URL without its password, a
 * note with the token masked): a required field such as {@code repoUrl} stays. One inside an
 * array, or under a name holding a dot, needs a person.
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
            String text = path.contains("[") ? null : textAt(record, path);
            if (text == null) {
                findings.accept(Finding.of(this, Severity.ERROR, record.key(), message, "remove it from the record by hand and revoke it"));
            } else {
                String kept = SecretMasker.withoutSecrets(path.substring(path.lastIndexOf('.') + 1), text);
                findings.accept(Finding.repairable(this, Severity.ERROR, record.key(), message, kept == null
                                ? "remove it from the record and revoke it; tools read tokens from their config or environment (Minsky: GITHUB_TOKEN)"
                                : "keep the value without it and revoke it; tools read tokens from their config or environment (Minsky: GITHUB_TOKEN)",
                        List.of(kept == null ? FieldEdit.remove(path) : FieldEdit.set(path, kept))));
            }
        }
    }

    /**
     * The text at a dotted path, as {@link FieldEdit} walks it; null when the walk finds none, as for a field whose name
     * holds a dot ({@code notes.v1}): an edit of that path would write over another field ({@code notes}) and keep the secret.
     */
    private static String textAt(SessionRecord record, String path) {
        return record.readFields(fields -> {
            JsonNode node = fields;
            for (String name : path.split("\\.")) {
                node = node.path(name);
            }
            return node.isTextual() ? node.asText() : null;
        });
    }
}
