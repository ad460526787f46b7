package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldPath;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;

/**
 * A column the user added for any field of the records, by its dotted path ({@link FieldPath}). Shown as text, secrets
 * masked; objects and lists as compact JSON. The store cannot sort by such a field, so the column does not sort.
 */
public record FieldColumn(String path) {

    /** The path as shown: a token kept as a name ({@code cache.ghp_...}) is masked. */
    public String header() {
        return SecretMasker.maskText(null, path);
    }

    public String text(SessionRecord record) {
        return new FieldPath(path).text(record);
    }
}
