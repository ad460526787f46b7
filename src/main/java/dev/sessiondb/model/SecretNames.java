package dev.sessiondb.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which names name a secret ({@code password}, {@code client_secret}, {@code basicAuth}, {@code DB_PASS}): the one answer for a
 * field's name, for the name before an {@code =} or {@code :} in text, and for a command line's {@code --password} option, so
 * that what {@link SecretMasker} masks and what validate's secret check reports agree.
 */
final class SecretNames {

    static final int NAMES_KEPT = 4096;
    private static final Map<String, Boolean> SECRET_NAMES = new ConcurrentHashMap<>();
    /**
     * A name holding one of these, glued to a prefix or not ({@code PGPASSWORD}, {@code accessToken}), is a secret's when the word
     * (or its plural) ends a word of the name: {@code passwordHint} and {@code tokenType} are, {@code tokenizer} and
     * {@code secretary} are not.
     */
    private static final List<String> SECRET_NAME_WORDS = List.of("token", "password", "passwd", "passphrase", "secret", "apikey", "api_key",
            "api-key", "privatekey", "private_key", "private-key", "credential", "authorization");
    /**
     * Words too short to look for inside a name ("author", "authMethod", "cwd", "passenger" are no secrets): a field is a secret
     * when its name's last word is one of them, as {@code pwd}, {@code db_pwd}, {@code auth}, {@code basicAuth} or {@code DB_PASS}.
     */
    private static final List<String> SECRET_LAST_WORDS = List.of("pwd", "auth", "pass");
    /** A last word ending in "pass" glued to a prefix is a password ({@code PGPASS}, {@code rootpass}) unless it ends in one of these words. */
    private static final List<String> WORDS_ENDING_IN_PASS = List.of("bypass", "compass", "overpass", "underpass", "trespass", "surpass", "multipass");
    /** Every word {@link SecretMasker} looks for before an {@code =} or {@code :} in text, where {@link #namesTheSecretItself} has the last say. */
    static final List<String> WORDS = Stream.concat(SECRET_NAME_WORDS.stream(), SECRET_LAST_WORDS.stream()).toList();

    /** What a name {@link #namesTheSecretItself} ends in: one of {@link #WORDS}, its plural, or "key" ({@code SECRET_KEY}). */
    private static final List<String> LAST_WORDS_OF_A_SECRET = Stream.concat(WORDS.stream(), Stream.of("key")).toList();
    /** Their last letters, and the plural's 's': a name ending in any other letter names no secret. */
    private static final String LAST_LETTERS = LAST_WORDS_OF_A_SECRET.stream().map(word -> word.substring(word.length() - 1))
            .distinct().collect(Collectors.joining()) + "s";

    private SecretNames() {
    }

    /**
     * Whether the text before {@code end} may end a name that {@link #namesTheSecretItself}: the cheap test before a name in
     * text is asked, without copying it (most are a date's or a time's digits before a ':').
     */
    static boolean mayEndASecretsName(String text, int end) {
        if (end == 0 || LAST_LETTERS.indexOf(Character.toLowerCase(text.charAt(end - 1))) < 0) {
            return false;
        }
        return endsInALastWord(text, end) || Character.toLowerCase(text.charAt(end - 1)) == 's' && endsInALastWord(text, end - 1);
    }

    private static boolean endsInALastWord(String text, int end) {
        for (String word : LAST_WORDS_OF_A_SECRET) {
            int start = end - word.length();
            if (start >= 0 && text.regionMatches(true, start, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asked of every field name of every record a validation reads, which repeat a few dozen
     * names: each answer is kept, up to {@value #NAMES_KEPT} names (a map's keys can be
     * anything).
     */
    static boolean isSecretName(String name) {
        Boolean known = SECRET_NAMES.get(name);
        if (known != null) {
            return known;
        }
        boolean secret = holdsSecretWord(name);
        if (SECRET_NAMES.size() < NAMES_KEPT) {
            SECRET_NAMES.put(name, secret);
        }
        return secret;
    }

    /**
     * A name holding a secret word, not one that counts or limits them: {@code tokenCount}, {@code max_tokens},
     * {@code inputTokens} and {@code tokenLimit} hold numbers of a model's tokens, which masking would hide from every table.
     */
    private static boolean holdsSecretWord(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("count") || lower.endsWith("limit") || lower.endsWith("usage")) {
            return false;
        }
        for (String word : SECRET_NAME_WORDS) {
            if (endsAWord(name, lower, word) && !(word.equals("token") && onlyAsTokens(lower))) {
                return true;
            }
        }
        return isSecretLastWord(lastWord(name).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the word, or its plural, ends a word of the name: at its end, before a separator or a digit, or before a capital
     * that follows a small letter ({@code passwordHint}). A name whose lower case differs in length is read in lower case.
     */
    private static boolean endsAWord(String name, String lower, String word) {
        String cased = lower.length() == name.length() ? name : lower;
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
            int end = at + word.length();
            if (wordEndsAt(cased, end) || end < cased.length() && lower.charAt(end) == 's' && wordEndsAt(cased, end + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordEndsAt(String name, int end) {
        return end == name.length() || !Character.isLetter(name.charAt(end))
                || Character.isUpperCase(name.charAt(end)) && Character.isLowerCase(name.charAt(end - 1));
    }

    private static boolean isSecretLastWord(String lastWord) {
        return SECRET_LAST_WORDS.contains(lastWord)
                || lastWord.endsWith("pass") && WORDS_ENDING_IN_PASS.stream().noneMatch(lastWord::endsWith);
    }

    /** A name's last word: after its last separator, and from its last capital that follows a small letter ({@code basicAuth}). */
    private static String lastWord(String name) {
        int start = name.length();
        while (start > 0 && Character.isLetterOrDigit(name.charAt(start - 1))) {
            start--;
            if (start > 0 && Character.isUpperCase(name.charAt(start))
                    && (Character.isLowerCase(name.charAt(start - 1)) || Character.isDigit(name.charAt(start - 1)))) {
                break;
            }
        }
        return name.substring(start);
    }

    /** Whether every "token" in the name is the plural "tokens" ({@code max_tokens}, {@code inputTokens}): a number of them. */
    private static boolean onlyAsTokens(String lower) {
        for (int at = lower.indexOf("token"); at >= 0; at = lower.indexOf("token", at + 1)) {
            if (!lower.startsWith("tokens", at)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the name ends in the secret's word, so the whole field is the secret (see {@link SecretMasker#namesTheSecretItself}):
     * its last word is one, or is "key" after one ({@code aws_secret_access_key}, {@code SECRET_KEY}).
     */
    static boolean namesTheSecretItself(String fieldName) {
        if (!isSecretName(fieldName)) {
            return false;
        }
        String lower = fieldName.toLowerCase(Locale.ROOT);
        String last = lastWord(fieldName).toLowerCase(Locale.ROOT);
        return SECRET_NAME_WORDS.stream().anyMatch(word -> lower.endsWith(word) || lower.endsWith(word + "s"))
                || isSecretLastWord(last) || last.equals("key");
    }
}
