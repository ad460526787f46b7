package dev.sessiondb.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which field names name a secret ({@code password}, {@code client_secret}, {@code basicAuth}), for {@link SecretMasker}. */
final class SecretNames {

    static final int NAMES_KEPT = 4096;
    private static final Map<String, Boolean> SECRET_NAMES = new ConcurrentHashMap<>();
    /** A field whose lower-case name holds one of these is a secret. */
    private static final List<String> SECRET_NAME_WORDS = List.of("token", "password", "passwd", "passphrase", "secret", "apikey", "api_key",
            "api-key", "privatekey", "private_key", "private-key", "credential", "authorization");
    /**
     * Words too short to look for inside a name ("author", "authMethod", "cwd" are no secrets): a field is a secret when its
     * name's last word is one of them, as {@code pwd}, {@code db_pwd}, {@code auth} or {@code basicAuth}.
     */
    private static final List<String> SECRET_LAST_WORDS = List.of("pwd", "auth");

    private SecretNames() {
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
            if (lower.contains(word) && !(word.equals("token") && onlyAsTokens(lower))) {
                return true;
            }
        }
        return SECRET_LAST_WORDS.contains(lastWord(name).toLowerCase(Locale.ROOT));
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

    /** Whether the name ends in the secret's word, so the whole field is the secret (see {@link SecretMasker#namesTheSecretItself}). */
    static boolean namesTheSecretItself(String fieldName) {
        if (!isSecretName(fieldName)) {
            return false;
        }
        String lower = fieldName.toLowerCase(Locale.ROOT);
        return SECRET_NAME_WORDS.stream().anyMatch(word -> lower.endsWith(word) || lower.endsWith(word + "s"))
                || SECRET_LAST_WORDS.contains(lastWord(fieldName).toLowerCase(Locale.ROOT));
    }
}
