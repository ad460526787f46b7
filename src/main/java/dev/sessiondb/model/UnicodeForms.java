package dev.sessiondb.model;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A text as typed and in its two Unicode normalisations: {@code é} as one character (NFC, what most keyboards type)
 * or as {@code e} and a combining accent (NFD, what macOS file names and some tools write). A store keeps whichever its
 * writer wrote, so a name or a search word is looked for in each form.
 */
public final class UnicodeForms {

    /** Below U+00C0 no character composes or decomposes: such a text is its own NFC and NFD. */
    private static final char FIRST_CHANGED = '\u00c0';

    private UnicodeForms() {
    }

    /** The text as typed first, then its NFC and NFD where they differ from it: a plain ASCII text is one form, costing no normalisation. */
    public static List<String> of(String text) {
        if (unchanged(text)) {
            return List.of(text);
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(text);
        forms.add(Normalizer.normalize(text, Normalizer.Form.NFC));
        forms.add(Normalizer.normalize(text, Normalizer.Form.NFD));
        return List.copyOf(forms);
    }

    private static boolean unchanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= FIRST_CHANGED) {
                return false;
            }
        }
        return true;
    }
}
