package dev.sessiondb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field that differs between two records.
 *
 * @param path where, as {@code pullRequest.state} or {@code pullRequest.commits[2]}
 * @param a    the value in the first record, or null when the field is absent there
 * @param b    the value in the second record, or null when the field is absent there
 */
public record FieldChange(String path, JsonNode a, JsonNode b) {

    private static final Pattern TRAILING_INDEXES = Pattern.compile("(\\[\\d+])+$");
    /** Said of a masked change whose two sides read the same. */
    public static final String HIDDEN_DIFFERENCE = "differs only in the masked secret";
    /** Said of a masked change that removes a secret. */
    public static final String REMOVED_SECRET = "removed (a secret)";

    /** The same change with secrets masked on both sides, and in its path (a token kept as a name), safe for tables, reports and temp files. */
    public FieldChange masked() {
        return new FieldChange(SecretMasker.maskText(null, path), mask(a), mask(b));
    }

    /**
     * The change as one line, {@code pullRequest.state: "open" -> "merged"}, an absent value shown as {@code (absent)};
     * a value longer than {@link LongTextDifference#LIMIT} shown by where the two part
     * ({@code long: …xxxx[x -> y] at character 100,000 of 100,000}), or by each place when they part in several
     * ({@link TextChanges#describe}); and what a reader cannot see said after the values
     * (see {@link #note}).
     */
    public String describe() {
        return path + ": " + values() + trailingNote();
    }

    /** What a line adds after the two values: the {@link #note} in brackets, else nothing. */
    public String trailingNote() {
        return note().map(note -> " (" + note + ")").orElse("");
    }

    /**
     * Why the two sides read alike though they differ: {@value #HIDDEN_DIFFERENCE} when masking made them the same, or
     * that two texts differ only in Unicode normalisation or in invisible characters ({@link UnseenText#sameToTheEye}).
     */
    public Optional<String> note() {
        if (hidesItsDifference()) {
            return Optional.of(HIDDEN_DIFFERENCE);
        }
        return a != null && b != null && a.isTextual() && b.isTextual() ? UnseenText.sameToTheEye(a.textValue(), b.textValue()) : Optional.empty();
    }

    private String values() {
        String textA = a == null ? null : a.isTextual() && b != null && b.isTextual() ? a.textValue() : text(a);
        String textB = b == null ? null : b.isTextual() && a != null && a.isTextual() ? b.textValue() : text(b);
        if (!LongTextDifference.isLong(textA, textB)) {
            return text(a) + " -> " + text(b);
        }
        if (textA != null && textB != null && !textA.equals(textB)) {
            return TextChanges.inSeveralPlaces(textA, textB).map(TextChanges::describe)
                    .orElseGet(() -> LongTextDifference.of(textA, textB).describe());
        }
        return LongTextDifference.cut(text(a)) + " -> " + LongTextDifference.cut(text(b));
    }

    /**
     * Whether the two sides read the same: only masking makes them so ("password=****" for two passwords, or for a
     * password and the mask a repair puts in its place).
     */
    public boolean hidesItsDifference() {
        return a != null && a.equals(b);
    }

    /**
     * Whether this masked change removes a secret: its value before holds the mask, and there is none after. A repair
     * never writes the mask in a secret's place, so a plan says the field goes rather than show the mask going.
     */
    public boolean removesASecret() {
        return b == null && a != null && a.isTextual() && a.asText().contains(SecretMasker.MASK);
    }

    private static String text(JsonNode value) {
        return value == null ? "(absent)" : JsonCodec.compact(value);
    }

    /** The last field name of the path ({@code token} for {@code github.token}); masking keys off it. */
    public String fieldName() {
        String withoutIndex = TRAILING_INDEXES.matcher(path).replaceAll("");
        return withoutIndex.substring(withoutIndex.lastIndexOf('.') + 1);
    }

    private JsonNode mask(JsonNode value) {
        return value == null ? null : SecretMasker.maskedValue(fieldName(), value);
    }
}
