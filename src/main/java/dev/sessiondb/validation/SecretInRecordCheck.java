package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Secrets kept inside records (a GitHub token in {@code github.token}, a password in a
 * repository URL): every export and backup of the store carries them. Repair never writes a
 * mask into a store ({@code ****9999} is for display: saved, it is a corrupted value), so it
 * fixes only what it can take out whole: it removes a field that is a secret by its name
 * ({@code Password}, {@code client_secret}) or holds nothing but a token, and removes the
 * credentials of a URL ({@code https://user:pw@host/x.git} becomes {@code https://host/x.git}).
 * A secret in a field that names the session or its work (the session key, the task id, a
 * branch), inside other text (a note, a commit message), inside an array, or under a name holding
 * a dot needs a person: the finding says what to do. A session whose name holds the mask is flagged too: an earlier
 * repair wrote such a copy of a record whose name held a secret.
 * A field named for a secret goes whole whatever it holds (a number, a list of tokens); a token kept as a name
 * (an object key) needs a person.
 */
final class SecretInRecordCheck implements Check {

    private static final String REVOKE = "revoke it; tools read tokens from their config or environment (Minsky: GITHUB_TOKEN)";
    /** Fields that name the session or its work: a tool finds the session, its task or its git branch by them. */
    private static final Set<String> IDENTIFYING = Set.copyOf(Stream.concat(SessionRecord.KEY_FIELDS.stream(), Stream.of(
            SessionField.SHORT_ID, SessionField.TASK_ID, SessionField.BRANCH, SessionField.PR_BRANCH, SessionField.REPO_NAME,
            SessionField.REPO_PATH, SessionField.AGENT_ID, SessionField.PROJECT_ID, SessionField.LAST_COMMIT_HASH).map(SessionField::jsonName)).toList());
    private static final Set<String> IDENTIFYING_NESTED = Set.of("pullRequest.headBranch", "pullRequest.baseBranch");

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
        if (record.key().contains(SecretMasker.MASK)) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), "the session's name holds a mask (" + record.key() + ")",
                    "an earlier repair may have written this record as a copy of one whose name held a secret; compare it with the record"
                            + " of the same taskId and createdAt and keep one, or undo that repair ('sessiondb history --store' lists it)"));
        }
        for (String path : record.secretPaths()) {
            String shownPath = SecretMasker.maskText(null, path); // a token kept as a name is one, and is left to a person
            findings.accept(finding(record, path, shownPath, "a secret is stored in " + shownPath));
        }
    }

    private Finding finding(SessionRecord record, String path, String shownPath, String message) {
        String key = record.key();
        if (SessionRecord.KEY_FIELDS.contains(path)) {
            return Finding.of(this, Severity.ERROR, key, message, "give the session a new name in Minsky and " + REVOKE
                    + "; repair never changes a session's name, by which every tool finds it");
        }
        if (IDENTIFYING.contains(path) || IDENTIFYING_NESTED.contains(path)) {
            return Finding.of(this, Severity.ERROR, key, message, "rename it by hand where it is used (" + path + " names the session's work in git or Minsky) and "
                    + REVOKE + "; repair never rewrites an identifier");
        }
        JsonNode value = path.contains("[") || !shownPath.equals(path) ? null : valueAt(record, path);
        String name = path.substring(path.lastIndexOf('.') + 1);
        if (value != null && SecretMasker.namesTheSecretItself(name)) {
            // whatever it holds (text, a number, a list of tokens), the field is the secret: it goes whole
            return Finding.repairable(this, Severity.ERROR, key, message, "remove it from the record and " + REVOKE, List.of(FieldEdit.remove(path)));
        }
        String text = value != null && value.isTextual() ? value.asText() : null;
        if (text == null) {
            return Finding.of(this, Severity.ERROR, key, message, "remove it from the record by hand and revoke it");
        }
        if (SessionField.byJsonName(path).isEmpty() && SecretMasker.isOnlyAToken(text)) {
            return Finding.repairable(this, Severity.ERROR, key, message, "remove it from the record and " + REVOKE, List.of(FieldEdit.remove(path)));
        }
        String withoutCredentials = SecretMasker.withoutUrlCredentials(text);
        if (!withoutCredentials.equals(text) && !SecretMasker.holdsSecret(withoutCredentials)) {
            return Finding.repairable(this, Severity.ERROR, key, message, "keep the URL without its credentials and revoke them; git asks for them, "
                    + "or reads them from a credential helper", List.of(FieldEdit.set(path, withoutCredentials)));
        }
        return Finding.of(this, Severity.ERROR, key, message, "edit the secret out of " + shownPath + " by hand and revoke it; repair does not rewrite text"
                + " around a secret");
    }

    /**
     * The value at a dotted path, as {@link FieldEdit} walks it; null when the walk finds none, as for a field whose name
     * holds a dot ({@code notes.v1}): an edit of that path would write over another field ({@code notes}) and keep the secret.
     */
    private static JsonNode valueAt(SessionRecord record, String path) {
        return record.readFields(fields -> {
            JsonNode node = fields;
            for (String name : path.split("\\.")) {
                node = node.path(name);
            }
            return node.isMissingNode() ? null : node;
        });
    }
}
