package dev.sessiondb.model;

import java.util.Optional;

/**
 * Unpaired UTF-16 surrogates: JSON may escape one ({@code "\ud83d"}, a JavaScript string cut
 * in the middle of an emoji), Java strings hold it, but no UTF-8 text can: encoding turns it
 * into {@code ?}, so a SQL column or a file name would change the value without a word.
 */
public final class LoneSurrogates {

    private LoneSurrogates() {
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1 when every surrogate is half of a pair. */
    public static int first(CharSequence text) {
        return first(text, 0);
    }

    private static int first(CharSequence text, int from) {
        int length = text.length();
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The first unpaired surrogate as its JSON escape ({@code \ud83d}), for a message naming it. */
    public static Optional<String> firstEscaped(CharSequence text) {
        int index = first(text);
        return index < 0 ? Optional.empty() : Optional.of(escape(text.charAt(index)));
    }

    /**
     * Why a store whose keys live in {@code holder} (a SQL text column, a file name) would refuse
     * the session name; empty when it can keep it.
     */
    public static Optional<String> keyRefusal(String key, String holder) {
        return firstEscaped(key).map(surrogate -> "its session name holds an unpaired UTF-16 surrogate (" + surrogate + "), which "
                + holder + " cannot keep; rename the session in the source");
    }

    /**
     * JSON text with each unpaired surrogate written as its escape, which reads back as the same
     * string and survives UTF-8; the text itself when it holds none (almost always).
     */
    public static String escapedInJson(String json) {
        int index = first(json);
        if (index < 0) {
            return json;
        }
        StringBuilder escaped = new StringBuilder(json.length() + 10);
        int copied = 0;
        while (index >= 0) {
            escaped.append(json, copied, index).append(escape(json.charAt(index)));
            copied = index + 1;
            index = first(json, copied);
        }
        return escaped.append(json, copied, json.length()).toString();
    }

    /** One half of a surrogate pair as its JSON escape, {@code \ud83d}: what every output shows in its place. */
    public static String escape(char surrogate) {
        return String.format("\\u%04x", (int) surrogate);
    }
}
